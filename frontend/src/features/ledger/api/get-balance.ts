import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Balance } from "@/types/models";

import { ledgerQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/balance/: what the platform owes the salon now, and what it paid out. */
export function getBalance(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Balance> {
  return api.get<Balance>(`/api/manage/salons/${salonId}/balance/`, { signal });
}

export function balanceQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...ledgerQueryRoot(salonId), "balance"],
    queryFn: ({ signal }) => getBalance(salonId, { signal }),
  });
}

export function useBalance(salonId: number) {
  return useQuery(balanceQueryOptions(salonId));
}
