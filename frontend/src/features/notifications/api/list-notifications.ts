import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { NotificationPage } from "@/types/models";

export const notificationsQueryKey = ["notifications", "list"] as const;

/** GET /api/notifications/?page= (newest first) */
export function listNotifications({ page, signal }: { page: number; signal?: AbortSignal }) {
  return api.get<NotificationPage>("/api/notifications/", { query: { page }, signal });
}

export function notificationsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam, signal }) => listNotifications({ page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useNotifications() {
  return useInfiniteQuery(notificationsQueryOptions());
}
