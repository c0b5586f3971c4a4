import { infiniteQueryOptions, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { api } from "@/lib/api-client";
import type { NotificationPage } from "@/types/models";

import { unreadCountQueryKey } from "./get-unread-count";

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

/** The inbox; each fresh copy of it brings the badge's count up to date too (they must agree). */
export function useNotifications() {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationsQueryOptions());
  const updatedAt = query.dataUpdatedAt;
  useEffect(() => {
    if (updatedAt) void queryClient.invalidateQueries({ queryKey: unreadCountQueryKey });
  }, [updatedAt, queryClient]);
  return query;
}
