import type { QueryClient } from "@tanstack/react-query";

import type { Booking } from "@/types/api";

export const bookingsQueryRoot = ["bookings"] as const;

export function bookingQueryKey(bookingId: number) {
  return ["bookings", "detail", bookingId] as const;
}

/** After any change to a booking: store the new version, refresh lists, schedules and free times. */
export function rememberChangedBooking(queryClient: QueryClient, booking: Booking): Promise<unknown> {
  queryClient.setQueryData(bookingQueryKey(booking.id), booking);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ["bookings", "list"] }),
    queryClient.invalidateQueries({ queryKey: ["staff", "schedule"] }),
    queryClient.invalidateQueries({ queryKey: ["salons", "availability"] }),
    queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  ]);
}
