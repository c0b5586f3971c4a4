import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { WorkingInterval } from "@/types/models";
import { staffQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/staff/{staff_id}/hours/: the stylist's week. */
export function getHours(salonId: number, staffId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<WorkingInterval[]>(`/api/manage/salons/${salonId}/staff/${staffId}/hours/`, { signal });
}

export function hoursQueryOptions(salonId: number, staffId: number) {
  return queryOptions({
    queryKey: [...staffQueryRoot(salonId, staffId), "hours"],
    queryFn: ({ signal }) => getHours(salonId, staffId, { signal }),
  });
}

export function useHours(salonId: number, staffId: number) {
  return useQuery(hoursQueryOptions(salonId, staffId));
}
