import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

/** POST /api/notifications/read-all/ */
export function markAllNotificationsRead(): Promise<unknown> {
  return api.post<unknown>("/api/notifications/read-all/");
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
