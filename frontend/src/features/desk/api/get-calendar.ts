import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { IsoDate } from "@/lib/calendar-date";

import type { Calendar } from "@/types/models";
import { salonDeskKey } from "./desk-keys";

export interface CalendarParams {
  salonId: number;
  start: IsoDate;
  /** 1 to 7. */
  days: number;
}

/** GET /api/manage/salons/{id}/calendar/?start=&days=: each stylist's hours, time off and bookings. */
export function getCalendar({ salonId, start, days }: CalendarParams, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<Calendar>(`/api/manage/salons/${salonId}/calendar/`, { query: { start, days }, signal });
}

export function calendarQueryOptions(params: CalendarParams) {
  return queryOptions({
    queryKey: [...salonDeskKey(params.salonId), "calendar", params.start, params.days],
    queryFn: ({ signal }) => getCalendar(params, { signal }),
    refetchInterval: 60_000,
  });
}

export function useCalendar(params: CalendarParams) {
  return useQuery(calendarQueryOptions(params));
}
