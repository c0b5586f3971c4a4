import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { IsoDate } from "@/lib/calendar-date";
import type { BookingStatus } from "@/types/models";

import type { SalonBookingPage } from "@/types/models";
import { salonDeskKey } from "./desk-keys";

export interface SalonBookingsParams {
  salonId: number;
  /** First and last local day, inclusive. */
  from?: IsoDate;
  to?: IsoDate;
  staffId?: number;
  status?: BookingStatus;
  q?: string;
}

/** As many as one page may hold: a salon's day fits in it. */
const PAGE_SIZE = 100;

/** GET /api/manage/salons/{id}/bookings/?from=&to=&staff=&status=&q=: the salon's bookings (first page). */
export function listSalonBookings(
  { salonId, from, to, staffId, status, q }: SalonBookingsParams,
  { signal }: { signal?: AbortSignal } = {},
) {
  return api.get<SalonBookingPage>(`/api/manage/salons/${salonId}/bookings/`, {
    query: { from, to, staff: staffId, status, q, page_size: PAGE_SIZE },
    signal,
  });
}

export function salonBookingsQueryOptions(params: SalonBookingsParams) {
  return queryOptions({
    queryKey: [...salonDeskKey(params.salonId), "bookings", params],
    queryFn: ({ signal }) => listSalonBookings(params, { signal }),
    refetchInterval: 60_000,
  });
}

export function useSalonBookings(params: SalonBookingsParams) {
  return useQuery(salonBookingsQueryOptions(params));
}
