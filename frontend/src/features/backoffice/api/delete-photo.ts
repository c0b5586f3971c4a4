import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { refreshSalon } from "./keys";

/** DELETE /api/manage/salons/{id}/photos/{photo_id}/ (204). */
export function deletePhoto({ salonId, photoId }: { salonId: number; photoId: number }): Promise<void> {
  return api.delete<void>(`/api/manage/salons/${salonId}/photos/${photoId}/`);
}

export function useDeletePhoto(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: number) => deletePhoto({ salonId, photoId }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
