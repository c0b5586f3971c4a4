import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Availability } from "@/types/models";

export interface AvailabilityParams {
  salonId: number;
  serviceId: number;
  /** First local day (YYYY-MM-DD); days before today come back without slots. */
  from: string;
  days: number;
  /** Only this stylist's free times; any qualified stylist when null. */
  staffId: number | null;
}

/** GET /api/salons/{id}/availability/: the free start times per local day. */
export function getAvailability(
  { salonId, serviceId, from, days, staffId }: AvailabilityParams,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Availability> {
  return api.get<Availability>(`/api/salons/${salonId}/availability/`, {
    query: { service: serviceId, date: from, days, staff: staffId },
    signal,
    auth: false,
  });
}

export function availabilityQueryOptions(params: AvailabilityParams) {
  return queryOptions({
    queryKey: ["salons", "availability", params],
    queryFn: ({ signal }) => getAvailability(params, { signal }),
    staleTime: 15_000,
  });
}

export function useAvailability(params: AvailabilityParams) {
  return useQuery(availabilityQueryOptions(params));
}
