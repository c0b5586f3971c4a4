import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Review } from "@/types/models";

import { bookingQueryKey } from "./booking-cache";

export interface ReviewInput {
  bookingId: number;
  rating: number;
  comment: string;
}

/** POST /api/bookings/{id}/review/: once per completed booking. */
export function reviewBooking({ bookingId, rating, comment }: ReviewInput): Promise<Review> {
  return api.post<Review>(`/api/bookings/${bookingId}/review/`, { rating, comment });
}

export function useReviewBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewBooking,
    onSuccess: (_review, { bookingId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bookingQueryKey(bookingId) }),
        queryClient.invalidateQueries({ queryKey: ["bookings", "list"] }),
        queryClient.invalidateQueries({ queryKey: ["salons", "reviews"] }),
      ]),
  });
}
