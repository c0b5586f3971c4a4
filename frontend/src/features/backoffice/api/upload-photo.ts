import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { SalonPhoto } from "@/types/models";
import { refreshSalon } from "./keys";

export interface PhotoUpload {
  image: File;
  caption_ar: string;
  caption_en: string;
}

/** What the server takes (anything else is 400 `invalid_image`, nothing stored). */
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

/** POST /api/manage/salons/{id}/photos/ as multipart: re-encoded, EXIF stripped, thumbnail made. */
export function uploadPhoto({ salonId, upload }: { salonId: number; upload: PhotoUpload }): Promise<SalonPhoto> {
  const form = new FormData();
  form.append("image", upload.image);
  if (upload.caption_ar) form.append("caption_ar", upload.caption_ar);
  if (upload.caption_en) form.append("caption_en", upload.caption_en);
  return api.post<SalonPhoto>(`/api/manage/salons/${salonId}/photos/`, form);
}

export function useUploadPhoto(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: PhotoUpload) => uploadPhoto({ salonId, upload }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
