import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Audience, City, SalonPage } from "@/types/models";

export interface SalonFilters {
  q?: string;
  city?: City;
  category?: string;
  audience?: Audience;
  /** YYYY-MM-DD: only salons with a free time that day. */
  availableOn?: string;
}

/** GET /api/salons/ (best rated first) */
export function listSalons({ filters, page, signal }: { filters: SalonFilters; page: number; signal?: AbortSignal }) {
  return api.get<SalonPage>("/api/salons/", {
    query: {
      q: filters.q?.trim(),
      city: filters.city,
      category: filters.category,
      audience: filters.audience,
      has_availability_on: filters.availableOn,
      page,
    },
    signal,
    auth: false,
  });
}

export function salonsQueryOptions(filters: SalonFilters) {
  return infiniteQueryOptions({
    queryKey: ["salons", "list", filters],
    queryFn: ({ pageParam, signal }) => listSalons({ filters, page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useSalons(filters: SalonFilters) {
  return useInfiniteQuery(salonsQueryOptions(filters));
}
