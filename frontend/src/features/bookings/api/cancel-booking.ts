import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/** POST /api/bookings/{id}/cancel/: a reason is required when the salon cancels. */
export function cancelBooking({ bookingId, reason = "" }: { bookingId: number; reason?: string }): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${bookingId}/cancel/`, { reason });
}

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
