import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { SpecialHours } from "@/types/models";
import { staffQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/staff/{staff_id}/special-hours/: dates with their own hours, or off. */
export function listSpecialHours(salonId: number, staffId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<SpecialHours[]>(`/api/manage/salons/${salonId}/staff/${staffId}/special-hours/`, { signal });
}

export function specialHoursQueryOptions(salonId: number, staffId: number) {
  return queryOptions({
    queryKey: [...staffQueryRoot(salonId, staffId), "special-hours"],
    queryFn: ({ signal }) => listSpecialHours(salonId, staffId, { signal }),
  });
}

export function useSpecialHours(salonId: number, staffId: number) {
  return useQuery(specialHoursQueryOptions(salonId, staffId));
}
