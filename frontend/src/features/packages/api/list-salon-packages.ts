import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Package } from "@/types/models";

/** GET /api/salons/{id}/packages/: the packages the salon has on sale (anyone may read them). */
export function listSalonPackages(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Package[]> {
  return api.get<Package[]>(`/api/salons/${salonId}/packages/`, { signal });
}

export function salonPackagesQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: ["packages", "salon", salonId],
    queryFn: ({ signal }) => listSalonPackages(salonId, { signal }),
  });
}

export function useSalonPackages(salonId: number) {
  return useQuery(salonPackagesQueryOptions(salonId));
}
