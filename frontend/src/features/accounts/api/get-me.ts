import { queryOptions, useQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";
import type { User } from "@/types/models";

export const meQueryKey = ["accounts", "me"] as const;

/** GET /api/auth/me/ */
export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<User> {
  return api.get<User>("/api/auth/me/", { signal });
}

export function meQueryOptions() {
  return queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
}

/** The signed-in user, or undefined while signed out or loading. */
export function useMe() {
  const { status } = useSession();
  return useQuery({ ...meQueryOptions(), enabled: status === "signed_in" });
}
