import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GoogleCalendarStatus } from "@/types/models";

import { googleCalendarKey } from "./keys";

/** POST /api/calendar/google/calendars/: write bookings to this calendar and read its busy time. */
export function chooseGoogleCalendar({ staffId, calendarId }: { staffId: number | null; calendarId: string }) {
  return api.post<GoogleCalendarStatus>("/api/calendar/google/calendars/", {
    ...(staffId === null ? {} : { staff_id: staffId }),
    calendar_id: calendarId,
  });
}

export function useChooseGoogleCalendar(staffId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendarId: string) => chooseGoogleCalendar({ staffId, calendarId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: googleCalendarKey(staffId) }),
  });
}
