import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { waitlistKey } from "./list-entries";

/** DELETE /api/waitlist/{id}/: a time held for the entry is let go too. */
export function leaveWaitlist(entryId: number): Promise<void> {
  return api.delete<void>(`/api/waitlist/${entryId}/`);
}

export function useLeaveWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveWaitlist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: waitlistKey }),
  });
}
