import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { SalonDetail } from "@/types/models";

/** GET /api/salons/{id}/: services by category, staff, opening hours and booking policy. */
export function getSalon(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<SalonDetail> {
  return api.get<SalonDetail>(`/api/salons/${salonId}/`, { signal, auth: false });
}

export function salonQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: ["salons", "detail", salonId],
    queryFn: ({ signal }) => getSalon(salonId, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSalon(salonId: number) {
  return useQuery({ ...salonQueryOptions(salonId), enabled: Number.isInteger(salonId) && salonId > 0 });
}
