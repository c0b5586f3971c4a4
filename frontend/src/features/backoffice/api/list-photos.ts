import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { SalonPhoto } from "@/types/models";
import { salonQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/photos/: the gallery in display order. */
export function listPhotos(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<SalonPhoto[]> {
  return api.get<SalonPhoto[]>(`/api/manage/salons/${salonId}/photos/`, { signal });
}

export function photosQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...salonQueryRoot(salonId), "photos"],
    queryFn: ({ signal }) => listPhotos(salonId, { signal }),
  });
}

export function usePhotos(salonId: number) {
  return useQuery(photosQueryOptions(salonId));
}
