import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ZatcaUnit } from "@/types/models";

import { zatcaUnitQueryKey } from "./keys";

/** GET /api/manage/salons/{id}/zatca/: the salon's e-invoicing unit. */
export function getZatcaUnit(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<ZatcaUnit> {
  return api.get<ZatcaUnit>(`/api/manage/salons/${salonId}/zatca/`, { signal });
}

export function zatcaUnitQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: zatcaUnitQueryKey(salonId),
    queryFn: ({ signal }) => getZatcaUnit(salonId, { signal }),
  });
}

export function useZatcaUnit(salonId: number) {
  return useQuery(zatcaUnitQueryOptions(salonId));
}
