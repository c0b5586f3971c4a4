import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ReviewPage } from "@/types/models";

/** GET /api/salons/{id}/reviews/ (newest first) */
export function listReviews({ salonId, page, signal }: { salonId: number; page: number; signal?: AbortSignal }) {
  return api.get<ReviewPage>(`/api/salons/${salonId}/reviews/`, {
    query: { page, page_size: 5 },
    signal,
    auth: false,
  });
}

export function reviewsQueryOptions(salonId: number) {
  return infiniteQueryOptions({
    queryKey: ["salons", "reviews", salonId],
    queryFn: ({ pageParam, signal }) => listReviews({ salonId, page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useReviews(salonId: number) {
  return useInfiniteQuery(reviewsQueryOptions(salonId));
}
