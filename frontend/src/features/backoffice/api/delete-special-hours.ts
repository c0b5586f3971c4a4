import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { refreshSalon } from "./keys";

/** DELETE /api/manage/salons/{id}/staff/{staff_id}/special-hours/{id}/ (204). */
export function deleteSpecialHours({ salonId, staffId, dayId }: { salonId: number; staffId: number; dayId: number }) {
  return api.delete<void>(`/api/manage/salons/${salonId}/staff/${staffId}/special-hours/${dayId}/`);
}

export function useDeleteSpecialHours(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dayId: number) => deleteSpecialHours({ salonId, staffId, dayId }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
