import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/** POST /api/bookings/{id}/no-show/: Marks that the customer did not come (salon). */
export function markNoShow(bookingId: number): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${bookingId}/no-show/`);
}

export function useMarkNoShow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNoShow,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
