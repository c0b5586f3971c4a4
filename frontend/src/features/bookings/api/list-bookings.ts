import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { BookingPage } from "@/types/models";

export type BookingTimeframe = "upcoming" | "past";

/** GET /api/bookings/?upcoming=true|false: upcoming soonest first, past latest first. */
export function listBookings({
  timeframe,
  page,
  signal,
}: {
  timeframe: BookingTimeframe;
  page: number;
  signal?: AbortSignal;
}) {
  return api.get<BookingPage>("/api/bookings/", {
    query: { upcoming: timeframe === "upcoming", page },
    signal,
  });
}

export function bookingsQueryOptions(timeframe: BookingTimeframe) {
  return infiniteQueryOptions({
    queryKey: ["bookings", "list", timeframe],
    queryFn: ({ pageParam, signal }) => listBookings({ timeframe, page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useBookings(timeframe: BookingTimeframe) {
  return useInfiniteQuery(bookingsQueryOptions(timeframe));
}
