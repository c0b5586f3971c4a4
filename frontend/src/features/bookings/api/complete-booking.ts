import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/** POST /api/bookings/{id}/complete/: Marks a started booking completed (salon); 400 `not_started_yet` before its start. */
export function completeBooking(bookingId: number): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${bookingId}/complete/`);
}

export function useCompleteBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
