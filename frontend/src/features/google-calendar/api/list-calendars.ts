import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GoogleCalendar } from "@/types/models";

import { googleCalendarKey } from "./keys";

/** GET /api/calendar/google/calendars/: the connected account's calendars we may write to. */
export function listGoogleCalendars(staffId: number | null, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<GoogleCalendar[]>("/api/calendar/google/calendars/", { query: { staff_id: staffId }, signal });
}

export function googleCalendarsQueryOptions(staffId: number | null) {
  return queryOptions({
    queryKey: [...googleCalendarKey(staffId), "calendars"],
    queryFn: ({ signal }) => listGoogleCalendars(staffId, { signal }),
  });
}

export function useGoogleCalendars(staffId: number | null, { enabled }: { enabled: boolean }) {
  return useQuery({ ...googleCalendarsQueryOptions(staffId), enabled });
}
