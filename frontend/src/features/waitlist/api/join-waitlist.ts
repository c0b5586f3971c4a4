import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { WaitlistEntry, WaitlistJoin } from "@/types/models";

import { waitlistKey } from "./list-entries";

/** POST /api/waitlist/ */
export function joinWaitlist(body: WaitlistJoin): Promise<WaitlistEntry> {
  return api.post<WaitlistEntry>("/api/waitlist/", body);
}

export function useJoinWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: joinWaitlist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: waitlistKey }),
  });
}
