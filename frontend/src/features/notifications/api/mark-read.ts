import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

/** POST /api/notifications/{id}/read/ */
export function markNotificationRead(id: number): Promise<unknown> {
  return api.post<unknown>(`/api/notifications/${id}/read/`);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
