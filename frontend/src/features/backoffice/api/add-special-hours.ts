import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { SpecialHours, SpecialHoursInput } from "@/types/models";
import { refreshSalon } from "./keys";

/** POST /api/manage/salons/{id}/staff/{staff_id}/special-hours/ (409 `bookings_affected` unless `cancel_affected`). */
export function addSpecialHours({
  salonId,
  staffId,
  day,
}: {
  salonId: number;
  staffId: number;
  day: SpecialHoursInput;
}): Promise<SpecialHours> {
  return api.post<SpecialHours>(`/api/manage/salons/${salonId}/staff/${staffId}/special-hours/`, day);
}

export function useAddSpecialHours(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: SpecialHoursInput) => addSpecialHours({ salonId, staffId, day }),
    onSuccess: (_created, day) => refreshSalon(queryClient, salonId, { bookingsChanged: day.cancel_affected === true }),
  });
}
