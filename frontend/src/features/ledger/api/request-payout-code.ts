import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PayoutCodeSent } from "@/types/models";

/**
 * POST /api/manage/salons/{id}/payout-details/code/ (202): a one-time code to the signed-in person's own
 * phone, to confirm a new IBAN. The sign-in codes' limits apply (429 with `retry_after`).
 */
export function requestPayoutCode(salonId: number): Promise<PayoutCodeSent> {
  return api.post<PayoutCodeSent>(`/api/manage/salons/${salonId}/payout-details/code/`, {});
}

export function useRequestPayoutCode(salonId: number) {
  return useMutation({ mutationFn: () => requestPayoutCode(salonId) });
}
