import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { CustomerPage } from "@/types/models";
import { customersKey } from "./desk-keys";

/** GET /api/manage/salons/{id}/customers/?q=: the salon's customers, by name or phone number. */
export function listCustomers({
  salonId,
  q,
  page,
  signal,
}: {
  salonId: number;
  q: string;
  page: number;
  signal?: AbortSignal;
}) {
  return api.get<CustomerPage>(`/api/manage/salons/${salonId}/customers/`, { query: { q, page }, signal });
}

export function customersQueryOptions(salonId: number, q: string) {
  return infiniteQueryOptions({
    queryKey: [...customersKey(salonId), "list", q],
    queryFn: ({ pageParam, signal }) => listCustomers({ salonId, q, page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useCustomers(salonId: number, q: string) {
  return useInfiniteQuery(customersQueryOptions(salonId, q));
}
