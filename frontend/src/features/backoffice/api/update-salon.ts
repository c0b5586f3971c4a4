import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ManageSalon, ManageSalonChanges } from "@/types/models";

import { managedSalonQueryOptions } from "./get-salon";
import { managedSalonsQueryKey, refreshSalon } from "./keys";

/** PATCH /api/manage/salons/{id}/: only the fields sent change (400 with field errors otherwise). */
export function updateManagedSalon({
  salonId,
  changes,
}: {
  salonId: number;
  changes: ManageSalonChanges;
}): Promise<ManageSalon> {
  return api.patch<ManageSalon>(`/api/manage/salons/${salonId}/`, changes);
}

export function useUpdateManagedSalon(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ManageSalonChanges) => updateManagedSalon({ salonId, changes }),
    onSuccess: (salon) => {
      queryClient.setQueryData(managedSalonQueryOptions(salonId).queryKey, salon);
      // Its name and state show in the salon switcher too.
      return Promise.all([
        refreshSalon(queryClient, salonId),
        queryClient.invalidateQueries({ queryKey: managedSalonsQueryKey }),
      ]);
    },
  });
}
