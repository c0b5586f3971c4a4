import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ZatcaUnit } from "@/types/models";

import { zatcaUnitQueryKey } from "./keys";

/** POST /api/manage/salons/{id}/zatca/: onboard the unit, or renew an active one's certificate. */
export function onboardZatcaUnit({ salonId, otp }: { salonId: number; otp: string }): Promise<ZatcaUnit> {
  return api.post<ZatcaUnit>(`/api/manage/salons/${salonId}/zatca/`, { otp });
}

export function useOnboardZatcaUnit(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otp: string) => onboardZatcaUnit({ salonId, otp }),
    onSuccess: (unit) => queryClient.setQueryData(zatcaUnitQueryKey(salonId), unit),
    // A refusal changes the unit's state and message too.
    onError: () => queryClient.invalidateQueries({ queryKey: zatcaUnitQueryKey(salonId) }),
  });
}
