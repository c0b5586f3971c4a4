import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { TimeOff } from "@/types/models";
import { staffQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/staff/{staff_id}/time-off/. */
export function listTimeOff(salonId: number, staffId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<TimeOff[]>(`/api/manage/salons/${salonId}/staff/${staffId}/time-off/`, { signal });
}

export function timeOffQueryOptions(salonId: number, staffId: number) {
  return queryOptions({
    queryKey: [...staffQueryRoot(salonId, staffId), "time-off"],
    queryFn: ({ signal }) => listTimeOff(salonId, staffId, { signal }),
  });
}

export function useTimeOff(salonId: number, staffId: number) {
  return useQuery(timeOffQueryOptions(salonId, staffId));
}
