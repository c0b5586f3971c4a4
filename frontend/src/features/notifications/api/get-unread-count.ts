import { queryOptions, useQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";

export const unreadCountQueryKey = ["notifications", "unread-count"] as const;

/** GET /api/notifications/unread-count/ */
export async function getUnreadCount({ signal }: { signal?: AbortSignal } = {}): Promise<number> {
  const body = await api.get<{ count: number }>("/api/notifications/unread-count/", { signal });
  return body.count;
}

export function unreadCountQueryOptions() {
  return queryOptions({ queryKey: unreadCountQueryKey, queryFn: getUnreadCount, refetchInterval: 60_000 });
}

export function useUnreadCount() {
  const { status } = useSession();
  return useQuery({ ...unreadCountQueryOptions(), enabled: status === "signed_in" });
}
