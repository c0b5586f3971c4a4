import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { SocialProvider } from "@/types/models";

export const providersQueryKey = ["social", "providers"] as const;

/** GET /api/auth/social/providers/: the providers that are on (none when no client id is configured). */
export function getProviders({ signal }: { signal?: AbortSignal } = {}): Promise<SocialProvider[]> {
  return api
    .get<{ providers: SocialProvider[] }>("/api/auth/social/providers/", { auth: false, signal })
    .then((body) => body.providers);
}

export function useProviders() {
  return useQuery(queryOptions({ queryKey: providersQueryKey, queryFn: getProviders, staleTime: 60 * 60_000 }));
}
