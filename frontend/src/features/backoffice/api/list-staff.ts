import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedStaff } from "@/types/models";
import { salonQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/staff/: every stylist, inactive ones too. */
export function listStaff(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<ManagedStaff[]> {
  return api.get<ManagedStaff[]>(`/api/manage/salons/${salonId}/staff/`, { signal });
}

export function staffListQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...salonQueryRoot(salonId), "staff", "list"],
    queryFn: ({ signal }) => listStaff(salonId, { signal }),
  });
}

export function useStaffList(salonId: number) {
  return useQuery(staffListQueryOptions(salonId));
}
