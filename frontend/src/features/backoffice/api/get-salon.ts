import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ManageSalon } from "@/types/models";

import { salonQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/: the salon's profile and booking policy. */
export function getManagedSalon(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<ManageSalon> {
  return api.get<ManageSalon>(`/api/manage/salons/${salonId}/`, { signal });
}

export function managedSalonQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...salonQueryRoot(salonId), "profile"],
    queryFn: ({ signal }) => getManagedSalon(salonId, { signal }),
  });
}

export function useManagedSalon(salonId: number) {
  return useQuery(managedSalonQueryOptions(salonId));
}
