import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, isApiError } from "@/lib/api-client";

import type { WorkingInterval } from "../types";
import { hoursQueryOptions } from "./get-hours";
import { refreshSalon } from "./keys";

/**
 * PUT /api/manage/salons/{id}/staff/{staff_id}/hours/ replaces the whole week. Overlaps are 400
 * `invalid` with `errors: {hours: [...], rows: [indexes of the rows sent]}`; hours that would leave
 * bookings without a stylist are 409 `bookings_affected` unless `cancelAffected`.
 */
export function replaceHours({
  salonId,
  staffId,
  hours,
  cancelAffected = false,
}: {
  salonId: number;
  staffId: number;
  hours: WorkingInterval[];
  cancelAffected?: boolean;
}): Promise<WorkingInterval[]> {
  const path = `/api/manage/salons/${salonId}/staff/${staffId}/hours/`;
  return api.put<WorkingInterval[]>(path, cancelAffected ? { hours, cancel_affected: true } : hours);
}

/** The indexes (in the week sent) of the rows the server refused, from a 400's `errors.rows`. */
export function refusedRows(error: unknown): number[] {
  if (!isApiError(error)) return [];
  const rows = (error.body as { errors?: { rows?: unknown } } | undefined)?.errors?.rows;
  return Array.isArray(rows) ? rows.filter((row): row is number => Number.isInteger(row)) : [];
}

export function useReplaceHours(salonId: number, staffId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ hours, cancelAffected }: { hours: WorkingInterval[]; cancelAffected?: boolean }) =>
      replaceHours({ salonId, staffId, hours, cancelAffected }),
    onSuccess: (hours, { cancelAffected }) => {
      queryClient.setQueryData(hoursQueryOptions(salonId, staffId).queryKey, hours);
      return refreshSalon(queryClient, salonId, { bookingsChanged: cancelAffected === true });
    },
  });
}
