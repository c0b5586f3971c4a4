import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GoogleCalendarConflict } from "@/types/models";

import { googleCalendarKey } from "./keys";

/** GET /api/calendar/google/conflicts/?staff_id=: busy events in the stylist's calendar over bookings (managers). */
export function listGoogleCalendarConflicts(staffId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<GoogleCalendarConflict[]>("/api/calendar/google/conflicts/", { query: { staff_id: staffId }, signal });
}

export function googleCalendarConflictsQueryOptions(staffId: number) {
  return queryOptions({
    queryKey: [...googleCalendarKey(staffId), "conflicts"],
    queryFn: ({ signal }) => listGoogleCalendarConflicts(staffId, { signal }),
  });
}

export function useGoogleCalendarConflicts(staffId: number, { enabled }: { enabled: boolean }) {
  return useQuery({ ...googleCalendarConflictsQueryOptions(staffId), enabled });
}
