import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { GoogleCalendarStatus } from "@/types/models";

import { googleCalendarKey } from "./keys";

/** POST /api/calendar/google/disconnect/: revokes the grant at Google and frees the busy time read. */
export function disconnectGoogleCalendar(staffId: number | null) {
  return api.post<GoogleCalendarStatus>(
    "/api/calendar/google/disconnect/",
    staffId === null ? {} : { staff_id: staffId },
  );
}

export function useDisconnectGoogleCalendar(staffId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => disconnectGoogleCalendar(staffId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: googleCalendarKey(staffId) }),
  });
}
