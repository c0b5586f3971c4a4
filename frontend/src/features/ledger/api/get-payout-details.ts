import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PayoutDetails } from "@/types/models";

import { ledgerQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/payout-details/: the legal name, the VAT number and the IBAN, masked. */
export function getPayoutDetails(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<PayoutDetails> {
  return api.get<PayoutDetails>(`/api/manage/salons/${salonId}/payout-details/`, { signal });
}

export function payoutDetailsQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...ledgerQueryRoot(salonId), "payout-details"],
    queryFn: ({ signal }) => getPayoutDetails(salonId, { signal }),
  });
}

export function usePayoutDetails(salonId: number) {
  return useQuery(payoutDetailsQueryOptions(salonId));
}
