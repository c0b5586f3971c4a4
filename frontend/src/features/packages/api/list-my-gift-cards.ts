import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GiftCard } from "@/types/models";

/** GET /api/gift-cards/: the paid cards the customer bought or received, with code, balance and expiry. */
export function listMyGiftCards({ signal }: { signal?: AbortSignal } = {}): Promise<GiftCard[]> {
  return api.get<GiftCard[]>("/api/gift-cards/", { signal });
}

export function myGiftCardsQueryOptions() {
  return queryOptions({ queryKey: ["packages", "gift-cards"], queryFn: ({ signal }) => listMyGiftCards({ signal }) });
}

export function useMyGiftCards() {
  return useQuery(myGiftCardsQueryOptions());
}
