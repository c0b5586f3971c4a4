import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { AffectedBookingsResolution, ManagedStaff } from "../types";
import { refreshSalon } from "./keys";

/**
 * DELETE /api/manage/salons/{id}/staff/{staff_id}/ deactivates the stylist. With future bookings it is
 * 409 `bookings_affected` (listing them) unless the body says to reassign or cancel them.
 */
export function deactivateStaff({
  salonId,
  staffId,
  resolution = {},
}: {
  salonId: number;
  staffId: number;
  resolution?: AffectedBookingsResolution;
}) {
  return api.delete<ManagedStaff | undefined>(
    `/api/manage/salons/${salonId}/staff/${staffId}/`,
    Object.keys(resolution).length ? resolution : undefined,
  );
}

export function useDeactivateStaff(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, resolution }: { staffId: number; resolution?: AffectedBookingsResolution }) =>
      deactivateStaff({ salonId, staffId, resolution }),
    onSuccess: (_result, { resolution }) =>
      refreshSalon(queryClient, salonId, { bookingsChanged: resolution !== undefined }),
  });
}
