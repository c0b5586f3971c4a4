import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedStaff, StaffChanges } from "@/types/models";
import { refreshSalon } from "./keys";

function staffPath(salonId: number, staffId: number) {
  return `/api/manage/salons/${salonId}/staff/${staffId}/`;
}

/**
 * PATCH /api/manage/salons/{id}/staff/{staff_id}/. Setting `is_active: false` with future bookings
 * is 409 `bookings_affected` unless `reassign_to` or `cancel_affected` says what to do with them.
 */
export function updateStaff({
  salonId,
  staffId,
  changes,
}: {
  salonId: number;
  staffId: number;
  changes: StaffChanges;
}) {
  return api.patch<ManagedStaff>(staffPath(salonId, staffId), changes);
}

/** The same PATCH as multipart with the stylist's `photo`. */
export function uploadStaffPhoto({ salonId, staffId, photo }: { salonId: number; staffId: number; photo: File }) {
  const form = new FormData();
  form.append("photo", photo);
  return api.patch<ManagedStaff>(staffPath(salonId, staffId), form);
}

export function useUpdateStaff(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, changes }: { staffId: number; changes: StaffChanges }) =>
      updateStaff({ salonId, staffId, changes }),
    onSuccess: (_staff, { changes }) =>
      refreshSalon(queryClient, salonId, {
        bookingsChanged: changes.reassign_to !== undefined || changes.cancel_affected === true,
      }),
  });
}

export function useUploadStaffPhoto(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staffId, photo }: { staffId: number; photo: File }) => uploadStaffPhoto({ salonId, staffId, photo }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
