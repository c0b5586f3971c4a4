import { QueryClient } from "@tanstack/react-query";

import { isApiError } from "@/lib/api-client";

/** Retries only what may pass on a second try: network failures and server errors. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** Query keys whose data belongs to the signed-in user; dropped on sign-out. */
export const PRIVATE_QUERY_ROOTS: readonly string[] = [
  "accounts",
  "backoffice",
  "bookings",
  "invoicing",
  "ledger",
  "notifications",
  "payments",
  "reports",
  "staff",
];

export function forgetPrivateData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => PRIVATE_QUERY_ROOTS.includes(String(query.queryKey[0])),
  });
}
