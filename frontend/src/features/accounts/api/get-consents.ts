import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Consents } from "@/types/models";

export const consentsQueryKey = ["accounts", "me", "consents"] as const;

/** GET /api/auth/me/consents/ */
export function getConsents({ signal }: { signal?: AbortSignal } = {}): Promise<Consents> {
  return api.get<Consents>("/api/auth/me/consents/", { signal });
}

export function consentsQueryOptions() {
  return queryOptions({ queryKey: consentsQueryKey, queryFn: getConsents });
}

export function useConsents() {
  return useQuery(consentsQueryOptions());
}
