import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { WaitlistEntry } from "@/types/models";

export const waitlistKey = ["waitlist"] as const;

/** GET /api/waitlist/: the signed-in customer's entries, active first. */
export function listWaitlistEntries({ signal }: { signal?: AbortSignal } = {}): Promise<WaitlistEntry[]> {
  return api.get<WaitlistEntry[]>("/api/waitlist/", { signal });
}

export function waitlistEntriesQueryOptions() {
  return queryOptions({
    queryKey: [...waitlistKey, "entries"],
    queryFn: ({ signal }) => listWaitlistEntries({ signal }),
  });
}

export function useWaitlistEntries() {
  return useQuery(waitlistEntriesQueryOptions());
}
