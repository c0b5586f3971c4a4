import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/** POST /api/bookings/{id}/confirm/: Confirms a pending booking (salon). */
export function confirmBooking(bookingId: number): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${bookingId}/confirm/`);
}

export function useConfirmBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
