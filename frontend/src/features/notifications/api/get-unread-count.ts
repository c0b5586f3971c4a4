import { queryOptions, useQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";

export const unreadCountQueryKey = ["notifications", "unread-count"] as const;

/** GET /api/notifications/unread-count/ */
export async function getUnreadCount({ signal }: { signal?: AbortSignal } = {}): Promise<number> {
  const body = await api.get<{ count: number }>("/api/notifications/unread-count/", { signal });
  return body.count;
}

/**
 * The badge is the server's count, never a guess: it is fetched again whenever it may have changed
 * (after a payment, a booking change, a read, a fresh inbox: see the callers' invalidations), when the
 * window comes back to the front, and every 30 s while it is in front (messages arrive from outside).
 */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: unreadCountQueryKey,
    queryFn: getUnreadCount,
    staleTime: 0,
    refetchOnWindowFocus: "always",
    refetchInterval: 30_000,
  });
}

export function useUnreadCount() {
  const { status } = useSession();
  return useQuery({ ...unreadCountQueryOptions(), enabled: status === "signed_in" });
}
