import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GiftCardConfig } from "@/types/models";

/** GET /api/gift-cards/config/: the amounts a gift card may have (halalas) and its validity. */
export function getGiftCardConfig({ signal }: { signal?: AbortSignal } = {}): Promise<GiftCardConfig> {
  return api.get<GiftCardConfig>("/api/gift-cards/config/", { signal });
}

export function giftCardConfigQueryOptions() {
  return queryOptions({
    queryKey: ["packages", "gift-card-config"],
    queryFn: ({ signal }) => getGiftCardConfig({ signal }),
    staleTime: Infinity,
  });
}

export function useGiftCardConfig() {
  return useQuery(giftCardConfigQueryOptions());
}
