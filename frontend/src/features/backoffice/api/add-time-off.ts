import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { TimeOff, TimeOffInput } from "@/types/models";
import { refreshSalon } from "./keys";

/** POST /api/manage/salons/{id}/staff/{staff_id}/time-off/ (409 `bookings_affected` unless `cancel_affected`). */
export function addTimeOff({ salonId, staffId, timeOff }: { salonId: number; staffId: number; timeOff: TimeOffInput }) {
  return api.post<TimeOff>(`/api/manage/salons/${salonId}/staff/${staffId}/time-off/`, timeOff);
}

export function useAddTimeOff(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (timeOff: TimeOffInput) => addTimeOff({ salonId, staffId, timeOff }),
    onSuccess: (_created, timeOff) =>
      refreshSalon(queryClient, salonId, { bookingsChanged: timeOff.cancel_affected === true }),
  });
}
