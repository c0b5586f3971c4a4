import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
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

/** GET /api/salons/ (best rated first); signed in, each salon says whether it is one of my favourites. */
export function listSalons({
  filters,
  page,
  signal,
  signedIn = false,
}: {
  filters: SalonFilters;
  page: number;
  signal?: AbortSignal;
  signedIn?: boolean;
}) {
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
    auth: signedIn,
  });
}

/** The list for someone signed in (with their favourites) is another list than a visitor's. */
export function salonsQueryOptions(filters: SalonFilters, signedIn = false) {
  return infiniteQueryOptions({
    queryKey: ["salons", "list", filters, signedIn ? "signed-in" : "visitor"],
    queryFn: ({ pageParam, signal }) => listSalons({ filters, page: pageParam, signal, signedIn }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useSalons(filters: SalonFilters) {
  const signedIn = useSession().status === "signed_in";
  // Signing in fetches the list again (with my favourites): the salons on screen stay meanwhile.
  return useInfiniteQuery({
    ...salonsQueryOptions(filters, signedIn),
    placeholderData: (previous, previousQuery) =>
      JSON.stringify(previousQuery?.queryKey[2]) === JSON.stringify(filters) ? previous : undefined,
  });
}
