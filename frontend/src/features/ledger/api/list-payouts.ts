import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PayoutPage } from "@/types/models";

import { ledgerQueryRoot } from "./keys";

export const PAYOUT_PAGE_SIZE = 10;

/** GET /api/manage/salons/{id}/payouts/: the salon's payouts, newest first, a page at a time. */
export function listPayouts(
  salonId: number,
  page: number,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PayoutPage> {
  return api.get<PayoutPage>(`/api/manage/salons/${salonId}/payouts/`, {
    query: { page, page_size: PAYOUT_PAGE_SIZE },
    signal,
  });
}

export function payoutsQueryOptions(salonId: number, page: number) {
  return queryOptions({
    queryKey: [...ledgerQueryRoot(salonId), "payouts", page],
    queryFn: ({ signal }) => listPayouts(salonId, page, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePayouts(salonId: number, page: number) {
  return useQuery(payoutsQueryOptions(salonId, page));
}
