import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { Customer, CustomerUpdate } from "@/types/models";
import { customersKey } from "./desk-keys";

export interface UpdateCustomerInput {
  salonId: number;
  userId: number;
  changes: CustomerUpdate;
}

/** PATCH /api/manage/salons/{id}/customers/{user_id}/: notes, tags, blocked (only the fields sent). */
export function updateCustomer({ salonId, userId, changes }: UpdateCustomerInput): Promise<Customer> {
  return api.patch<Customer>(`/api/manage/salons/${salonId}/customers/${userId}/`, changes);
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCustomer,
    onSuccess: (_customer, { salonId }) => queryClient.invalidateQueries({ queryKey: customersKey(salonId) }),
  });
}
