import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import { isApiError } from "@/lib/api-client";
import type { Booking, BookingPage } from "@/types/models";

export const bookingsQueryRoot = ["bookings"] as const;

/** The free times of every salon (the salons feature's availability queries), by key prefix. */
export const availabilityQueryRoot = ["salons", "availability"] as const;

export function bookingQueryKey(bookingId: number) {
  return ["bookings", "detail", bookingId] as const;
}

type BookingPages = InfiniteData<BookingPage, number>;

function mapPages(data: BookingPages, change: (results: Booking[]) => Booking[]): BookingPages {
  return {
    ...data,
    pages: data.pages.map((page) => {
      const results = change(page.results);
      return { ...page, results, count: page.count - (page.results.length - results.length) };
    }),
  };
}

/** The customer's lists show the new version at once: a booking no longer ahead (cancelled, say)
 * leaves the upcoming tab before the refetch answers (the API agrees: `upcoming=true` is open bookings). */
function updateBookingLists(queryClient: QueryClient, booking: Booking): void {
  queryClient.setQueriesData<BookingPages>({ queryKey: ["bookings", "list"] }, (data) =>
    data ? mapPages(data, (results) => results.map((item) => (item.id === booking.id ? booking : item))) : data,
  );
  const ahead = booking.status === "pending" || booking.status === "confirmed";
  if (!ahead) {
    queryClient.setQueriesData<BookingPages>({ queryKey: ["bookings", "list", "upcoming"] }, (data) =>
      data ? mapPages(data, (results) => results.filter((item) => item.id !== booking.id)) : data,
    );
  }
}

/** After any change to a booking: store the new version, refresh lists, schedules, the desk and free times. */
export function rememberChangedBooking(queryClient: QueryClient, booking: Booking): Promise<unknown> {
  queryClient.setQueryData(bookingQueryKey(booking.id), booking);
  updateBookingLists(queryClient, booking);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["bookings", "list"] }),
    // The salon's views of its bookings (stylists' schedules, the back office's desk), not who I am.
    queryClient.invalidateQueries({ queryKey: ["staff"], predicate: (query) => query.queryKey[1] !== "me" }),
    queryClient.invalidateQueries({ queryKey: availabilityQueryRoot }),
    queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  ]);
}

/** Errors that mean the chosen start can no longer be booked: the customer picks a fresh time. */
export const TIME_UNAVAILABLE_CODES = [
  "slot_unavailable",
  "start_in_past",
  "lead_time_not_met",
  "slot_not_on_grid",
  "beyond_booking_horizon",
] as const;
export type TimeUnavailableCode = (typeof TIME_UNAVAILABLE_CODES)[number];

export function timeUnavailableCode(error: unknown): TimeUnavailableCode | null {
  if (!isApiError(error)) return null;
  return TIME_UNAVAILABLE_CODES.find((code) => code === error.code) ?? null;
}

/** A start was refused: the cached free times (reused for 15 s) are out of date, fetch them again. */
export function forgetFreeTimes(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: availabilityQueryRoot });
}
