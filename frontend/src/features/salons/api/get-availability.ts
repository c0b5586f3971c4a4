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
  /** A visit: the services after the first, each with its stylist (null: any), in order (ADR 0017). */
  extras?: { serviceId: number; staffId: number | null }[];
}

/** GET /api/salons/{id}/availability/: the free start times per local day. */
export function getAvailability(
  { salonId, serviceId, from, days, staffId, extras }: AvailabilityParams,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Availability> {
  const query = extras?.length
    ? {
        services: [serviceId, ...extras.map((extra) => extra.serviceId)].join(","),
        date: from,
        days,
        staff: [staffId, ...extras.map((extra) => extra.staffId)].map((id) => id ?? "").join(","),
      }
    : { service: serviceId, date: from, days, staff: staffId };
  return api.get<Availability>(`/api/salons/${salonId}/availability/`, {
    query,
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
