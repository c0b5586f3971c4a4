import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Booking, BookingCreateInput } from "@/types/models";

import { rememberChangedBooking } from "./booking-cache";

/**
 * POST /api/bookings/: 409 `slot_unavailable` when the time was taken meanwhile, 409
 * `customer_overlap` when the customer already has a booking then.
 */
export function createBooking(input: BookingCreateInput): Promise<Booking> {
  return api.post<Booking>("/api/bookings/", input);
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBooking,
    onSuccess: (booking) => rememberChangedBooking(queryClient, booking),
  });
}
