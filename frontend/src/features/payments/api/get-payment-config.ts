import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PaymentConfig } from "@/types/models";

/** GET /api/payments/config/: provider, publishable key, enabled methods, card networks. */
export function getPaymentConfig({ signal }: { signal?: AbortSignal } = {}): Promise<PaymentConfig> {
  return api.get<PaymentConfig>("/api/payments/config/", { signal, auth: false });
}

export function paymentConfigQueryOptions() {
  return queryOptions({ queryKey: ["payments", "config"], queryFn: getPaymentConfig, staleTime: 30 * 60_000 });
}

export function usePaymentConfig() {
  return useQuery(paymentConfigQueryOptions());
}
