import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { StaffOverview } from "@/types/models";

/** GET /api/staff/me/: the signed-in stylist's profile and the salons they manage. */
export function getStaffOverview({ signal }: { signal?: AbortSignal } = {}): Promise<StaffOverview> {
  return api.get<StaffOverview>("/api/staff/me/", { signal });
}

export function staffOverviewQueryOptions() {
  return queryOptions({ queryKey: ["staff", "me"], queryFn: getStaffOverview, staleTime: 5 * 60_000 });
}

export function useStaffOverview() {
  return useQuery(staffOverviewQueryOptions());
}
