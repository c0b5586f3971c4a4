import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ServiceCategory } from "@/types/models";

/** GET /api/salons/categories/: the service categories to filter salons by, named in the request's language. */
export function listCategories({ signal }: { signal?: AbortSignal } = {}): Promise<ServiceCategory[]> {
  return api.get<ServiceCategory[]>("/api/salons/categories/", { signal, auth: false });
}

export function categoriesQueryOptions() {
  return queryOptions({
    queryKey: ["salons", "categories"],
    queryFn: ({ signal }) => listCategories({ signal }),
    // Operators rarely add one; a new visit (or a language switch, which refetches) shows it.
    staleTime: 60 * 60_000,
  });
}

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}
