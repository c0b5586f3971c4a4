import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedStaff, StaffInput } from "@/types/models";
import { refreshSalon } from "./keys";

/**
 * POST /api/manage/salons/{id}/staff/ → 201: the account with this number is linked (one is created
 * when there is none) and the stylist is told by SMS.
 */
export function addStaff({ salonId, staff }: { salonId: number; staff: StaffInput }): Promise<ManagedStaff> {
  return api.post<ManagedStaff>(`/api/manage/salons/${salonId}/staff/`, staff);
}

export function useAddStaff(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staff: StaffInput) => addStaff({ salonId, staff }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
