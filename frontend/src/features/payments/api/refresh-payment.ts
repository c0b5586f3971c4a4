import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { api } from "@/lib/api-client";
import type { Payment } from "@/types/models";

/**
 * POST /api/payments/{id}/refresh/: the server asks the gateway for the payment's real state (the
 * return URL's query string is never trusted) and confirms the booking when it is paid.
 */
export function refreshPayment(paymentId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Payment> {
  return api.post<Payment>(`/api/payments/${encodeURIComponent(paymentId)}/refresh/`, {}, { signal });
}

export function refreshedPaymentQueryOptions(paymentId: string) {
  return queryOptions({
    queryKey: ["payments", "refreshed", paymentId],
    queryFn: ({ signal }) => refreshPayment(paymentId, { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The same answer, only read (the outcome, `useRefreshedPayment`, brings the caches up to date). */
export function useCheckedPayment(paymentId: string | null) {
  return useQuery({ ...refreshedPaymentQueryOptions(paymentId ?? ""), enabled: Boolean(paymentId) });
}

/** The payment as the gateway reports it now; the booking caches and the inbox (the payment's messages,
 * the unread count) follow. */
export function useRefreshedPayment(paymentId: string | null) {
  const queryClient = useQueryClient();
  const query = useCheckedPayment(paymentId);
  const status = query.data?.status;
  useEffect(() => {
    if (!status) return;
    void queryClient.invalidateQueries({ queryKey: ["bookings"] });
    void queryClient.invalidateQueries({ queryKey: ["notifications"] });
  }, [status, queryClient]);
  return query;
}
