import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

/** The national-address fields of the salon's profile that e-invoices carry. */
export interface NationalAddressChanges {
  cr_number?: string;
  building_number?: string;
  street?: string;
  district_name?: string;
  city_name?: string;
  postal_code?: string;
}

/** PATCH /api/manage/salons/{id}/ with the national-address fields only (400 with field errors). */
export function updateNationalAddress({
  salonId,
  changes,
}: {
  salonId: number;
  changes: NationalAddressChanges;
}): Promise<unknown> {
  return api.patch<unknown>(`/api/manage/salons/${salonId}/`, changes);
}

export function useUpdateNationalAddress(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: NationalAddressChanges) => updateNationalAddress({ salonId, changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["backoffice", "salon", salonId] }),
  });
}
