import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Purchase } from "@/types/models";

/** POST /api/purchases/{id}/refresh/: asks the gateway how the purchase stands and applies it. */
export function refreshPurchase(purchaseId: string): Promise<Purchase> {
  return api.post<Purchase>(`/api/purchases/${encodeURIComponent(purchaseId)}/refresh/`);
}

/** The purchase as the gateway now reports it (the return page's one check; retried while initiated). */
export function checkedPurchaseQueryOptions(purchaseId: string) {
  return queryOptions({
    queryKey: ["packages", "purchase", purchaseId],
    queryFn: () => refreshPurchase(purchaseId),
    refetchInterval: (query) => (query.state.data?.status === "initiated" ? 3000 : false),
  });
}

export function useCheckedPurchase(purchaseId: string | null) {
  return useQuery({ ...checkedPurchaseQueryOptions(purchaseId ?? ""), enabled: purchaseId !== null });
}
