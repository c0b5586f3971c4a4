import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GoogleCalendarStatus } from "@/types/models";

import { googleCalendarKey } from "./keys";

/** GET /api/calendar/google/status/ (a manager names the stylist; a stylist asks for their own). */
export function getGoogleCalendarStatus(staffId: number | null, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<GoogleCalendarStatus>("/api/calendar/google/status/", { query: { staff_id: staffId }, signal });
}

export function googleCalendarStatusQueryOptions(staffId: number | null) {
  return queryOptions({
    queryKey: [...googleCalendarKey(staffId), "status"],
    queryFn: ({ signal }) => getGoogleCalendarStatus(staffId, { signal }),
  });
}

export function useGoogleCalendarStatus(staffId: number | null) {
  return useQuery(googleCalendarStatusQueryOptions(staffId));
}
