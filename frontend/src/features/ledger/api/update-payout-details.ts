import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PayoutDetails, PayoutDetailsChanges } from "@/types/models";

import { payoutDetailsQueryOptions } from "./get-payout-details";
import { refreshLedger } from "./keys";

/**
 * PATCH /api/manage/salons/{id}/payout-details/: `{legal_name}` without a code, or a new `{iban, code}`
 * (400 `invalid_iban` with a field error on `iban`, `code_required`, `code_invalid`).
 */
export function updatePayoutDetails({
  salonId,
  changes,
}: {
  salonId: number;
  changes: PayoutDetailsChanges;
}): Promise<PayoutDetails> {
  return api.patch<PayoutDetails>(`/api/manage/salons/${salonId}/payout-details/`, changes);
}

export function useUpdatePayoutDetails(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PayoutDetailsChanges) => updatePayoutDetails({ salonId, changes }),
    onSuccess: (details) => {
      queryClient.setQueryData(payoutDetailsQueryOptions(salonId).queryKey, details);
      // An IBAN enables payouts: the balance says so.
      return refreshLedger(queryClient, salonId);
    },
  });
}
