import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CityOption } from "@/types/models";

/** GET /api/salons/cities/: the cities with at least one active salon (what the city filter offers). */
export function listCities({ signal }: { signal?: AbortSignal } = {}): Promise<CityOption[]> {
  return api.get<CityOption[]>("/api/salons/cities/", { signal, auth: false });
}

export function citiesQueryOptions() {
  return queryOptions({
    queryKey: ["salons", "cities"],
    queryFn: ({ signal }) => listCities({ signal }),
    // A salon opening in a new city is rare; a new visit shows it.
    staleTime: 60 * 60_000,
  });
}

export function useCities() {
  return useQuery(citiesQueryOptions());
}
