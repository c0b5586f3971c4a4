import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { AffectedBookingsResolution, ManagedStaff } from "@/types/models";
import { refreshSalon } from "./keys";

/**
 * DELETE /api/manage/salons/{id}/staff/{staff_id}/ deactivates the stylist. With future bookings it is
 * 409 `bookings_affected` (listing them) unless the query says to reassign or cancel them; when
 * reassigning fails for some (all or none move), the 409 lists those and nothing changed. 200 with
 * the stylist.
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
  return api.delete<ManagedStaff>(`/api/manage/salons/${salonId}/staff/${staffId}/`, undefined, {
    query: resolution,
  });
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
