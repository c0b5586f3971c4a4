import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { bookingQueryKey } from "./booking-cache";

/** GET /api/bookings/{id}/ */
export function getBooking(bookingId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Booking> {
  return api.get<Booking>(`/api/bookings/${bookingId}/`, { signal });
}

export function bookingQueryOptions(bookingId: number) {
  return queryOptions({
    queryKey: bookingQueryKey(bookingId),
    queryFn: ({ signal }) => getBooking(bookingId, { signal }),
  });
}

export function useBooking(bookingId: number) {
  return useQuery({ ...bookingQueryOptions(bookingId), enabled: Number.isInteger(bookingId) && bookingId > 0 });
}
