import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { SalonPurchase } from "@/types/models";

const key = (salonId: number) => ["packages", "sold", salonId] as const;

/** GET /api/manage/salons/{id}/purchases/: the packages and gift cards sold, newest first. */
export function listSalonPurchases(salonId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<SalonPurchase[]>(`/api/manage/salons/${salonId}/purchases/`, { signal });
}

export function salonPurchasesQueryOptions(salonId: number) {
  return queryOptions({ queryKey: key(salonId), queryFn: ({ signal }) => listSalonPurchases(salonId, { signal }) });
}

export function useSalonPurchases(salonId: number) {
  return useQuery(salonPurchasesQueryOptions(salonId));
}

/** POST …/purchases/{id}/refund/: refunds the unused sessions (pro rata) or the card's balance. */
export function useRefundPurchase(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purchaseId: string) =>
      api.post<SalonPurchase>(`/api/manage/salons/${salonId}/purchases/${encodeURIComponent(purchaseId)}/refund/`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(salonId) }),
  });
}
