import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { WaitlistOffer } from "@/types/models";

import { waitlistKey } from "./list-entries";

const offerKey = (bookingId: number) => [...waitlistKey, "offer", bookingId] as const;

/** GET /api/waitlist/offers/{booking_id}/ */
export function getWaitlistOffer(bookingId: number, { signal }: { signal?: AbortSignal } = {}): Promise<WaitlistOffer> {
  return api.get<WaitlistOffer>(`/api/waitlist/offers/${bookingId}/`, { signal });
}

export function waitlistOfferQueryOptions(bookingId: number) {
  return queryOptions({
    queryKey: offerKey(bookingId),
    queryFn: ({ signal }) => getWaitlistOffer(bookingId, { signal }),
  });
}

export function useWaitlistOffer(bookingId: number) {
  return useQuery({ ...waitlistOfferQueryOptions(bookingId), enabled: Number.isInteger(bookingId) && bookingId > 0 });
}

/** POST /api/waitlist/offers/{booking_id}/accept/ or .../decline/ */
export function answerWaitlistOffer({
  bookingId,
  answer,
}: {
  bookingId: number;
  answer: "accept" | "decline";
}): Promise<WaitlistOffer> {
  return api.post<WaitlistOffer>(`/api/waitlist/offers/${bookingId}/${answer}/`);
}

export function useAnswerWaitlistOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answerWaitlistOffer,
    onSuccess: (offer) => {
      queryClient.setQueryData(offerKey(offer.booking), offer);
      void queryClient.invalidateQueries({ queryKey: waitlistKey });
      void queryClient.invalidateQueries({ queryKey: ["bookings"] });
    },
  });
}
