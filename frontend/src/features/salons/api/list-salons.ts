import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";
import type { Audience, City, SalonPage } from "@/types/models";

export type SalonOrdering = "relevance" | "distance" | "rating" | "-rating" | "name" | "-name" | "price" | "-price";

export interface SalonFilters {
  q?: string;
  city?: City;
  district?: string;
  category?: string;
  audience?: Audience;
  minRating?: number;
  /** Halalas. */
  minPrice?: number;
  maxPrice?: number;
  /** Only salons where someone is working right now (the salon's own clock). */
  openNow?: boolean;
  /** YYYY-MM-DD: only salons with a free time that day. */
  availableOn?: string;
  /** Only salons within `radiusKm` (10 by default) of the point, nearest first unless `ordering` says otherwise. */
  near?: { lat: number; lng: number };
  radiusKm?: number;
  ordering?: SalonOrdering;
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
      q: filters.q?.trim() || undefined,
      city: filters.city,
      district: filters.district,
      category: filters.category,
      audience: filters.audience,
      min_rating: filters.minRating,
      min_price: filters.minPrice,
      max_price: filters.maxPrice,
      open_now: filters.openNow || undefined,
      has_availability_on: filters.availableOn,
      near: filters.near ? `${filters.near.lat},${filters.near.lng}` : undefined,
      radius_km: filters.near ? filters.radiusKm : undefined,
      ordering: filters.ordering,
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
