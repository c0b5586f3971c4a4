import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { refreshSalon } from "./keys";

/** DELETE /api/manage/salons/{id}/staff/{staff_id}/time-off/{id}/ (204). */
export function deleteTimeOff({
  salonId,
  staffId,
  timeOffId,
}: {
  salonId: number;
  staffId: number;
  timeOffId: number;
}) {
  return api.delete<void>(`/api/manage/salons/${salonId}/staff/${staffId}/time-off/${timeOffId}/`);
}

export function useDeleteTimeOff(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeOffId: number) => deleteTimeOff({ salonId, staffId, timeOffId }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
