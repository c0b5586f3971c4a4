import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { SalonPhoto, SalonPhotoChanges } from "@/types/models";
import { refreshSalon } from "./keys";

/** PATCH /api/manage/salons/{id}/photos/{photo_id}/: caption, order, or made the cover. */
export function updatePhoto({
  salonId,
  photoId,
  changes,
}: {
  salonId: number;
  photoId: number;
  changes: SalonPhotoChanges;
}): Promise<SalonPhoto> {
  return api.patch<SalonPhoto>(`/api/manage/salons/${salonId}/photos/${photoId}/`, changes);
}

export function useUpdatePhoto(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ photoId, changes }: { photoId: number; changes: SalonPhotoChanges }) =>
      updatePhoto({ salonId, photoId, changes }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}

/**
 * Puts the gallery in a new order: each photo whose place changed gets its index as `display_order`
 * (one PATCH each, in turn), then the gallery is fetched again.
 */
export function useReorderPhotos(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ordered: SalonPhoto[]) => {
      for (const [index, photo] of ordered.entries()) {
        if (photo.display_order !== index)
          await updatePhoto({ salonId, photoId: photo.id, changes: { display_order: index } });
      }
    },
    onSettled: () => refreshSalon(queryClient, salonId),
  });
}
