import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedService } from "@/types/models";
import { salonQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/services/: every service, inactive ones too. */
export function listServices(salonId: number, { signal }: { signal?: AbortSignal } = {}): Promise<ManagedService[]> {
  return api.get<ManagedService[]>(`/api/manage/salons/${salonId}/services/`, { signal });
}

export function servicesQueryOptions(salonId: number) {
  return queryOptions({
    queryKey: [...salonQueryRoot(salonId), "services"],
    queryFn: ({ signal }) => listServices(salonId, { signal }),
  });
}

export function useServices(salonId: number) {
  return useQuery(servicesQueryOptions(salonId));
}
