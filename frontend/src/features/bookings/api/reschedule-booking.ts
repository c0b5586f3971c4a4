import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/** POST /api/bookings/{id}/reschedule/ with one of the free start times. */
export function rescheduleBooking({ bookingId, start }: { bookingId: number; start: string }): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${bookingId}/reschedule/`, { start });
}

export function useRescheduleBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
