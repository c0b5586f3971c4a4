import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, isApiError } from "@/lib/api-client";

import type { WorkingInterval, WorkingWeekInput } from "@/types/models";
import { hoursQueryOptions } from "./get-hours";
import { refreshSalon } from "./keys";

/**
 * PUT /api/manage/salons/{id}/staff/{staff_id}/hours/ `{hours, cancel_affected}` replaces the whole
 * week. Overlaps are 400 `invalid` with `errors: {hours: [messages], rows: [indexes of the rows sent,
 * as strings]}`; hours that would leave bookings without a stylist are 409 `bookings_affected` unless
 * `cancelAffected`.
 */
export function replaceHours({
  salonId,
  staffId,
  hours,
  cancelAffected = false,
  reason,
}: {
  salonId: number;
  staffId: number;
  hours: WorkingInterval[];
  cancelAffected?: boolean;
  /** The cancellation reason the customers see. */
  reason?: string;
}): Promise<WorkingInterval[]> {
  const path = `/api/manage/salons/${salonId}/staff/${staffId}/hours/`;
  const body: WorkingWeekInput = { hours, cancel_affected: cancelAffected, ...(reason ? { reason } : {}) };
  return api.put<WorkingInterval[]>(path, body);
}

/** The indexes (in the week sent) of the rows the server refused, from a 400's `errors.rows` ("0", "2"). */
export function refusedRows(error: unknown): number[] {
  if (!isApiError(error)) return [];
  return (error.fieldErrors.rows ?? []).filter((row) => /^\d+$/.test(row)).map(Number);
}

export function useReplaceHours(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      hours,
      cancelAffected,
      reason,
    }: {
      hours: WorkingInterval[];
      cancelAffected?: boolean;
      reason?: string;
    }) => replaceHours({ salonId, staffId, hours, cancelAffected, reason }),
    onSuccess: (hours, { cancelAffected }) => {
      queryClient.setQueryData(hoursQueryOptions(salonId, staffId).queryKey, hours);
      return refreshSalon(queryClient, salonId, { bookingsChanged: cancelAffected === true });
    },
  });
}
