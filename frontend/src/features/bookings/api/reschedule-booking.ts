import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

export interface RescheduleInput {
  bookingId: number;
  start: string;
  /** Another stylist (the salon only); left out, the booking keeps its stylist. */
  staff?: number;
}

/** POST /api/bookings/{id}/reschedule/ with one of the free start times (and, for the salon, a stylist). */
export function rescheduleBooking({ bookingId, start, staff }: RescheduleInput): Promise<Booking> {
  return api.post<Booking>(
    `/api/bookings/${bookingId}/reschedule/`,
    staff === undefined ? { start } : { start, staff },
  );
}

export function useRescheduleBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rescheduleBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
