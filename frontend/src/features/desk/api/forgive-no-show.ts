import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { Customer } from "@/types/models";
import { customersKey } from "./desk-keys";

export interface ForgiveNoShowInput {
  salonId: number;
  userId: number;
}

/** POST /api/manage/salons/{id}/customers/{user_id}/forgive-no-show/: one no-show no longer counts. */
export function forgiveNoShow({ salonId, userId }: ForgiveNoShowInput): Promise<Customer> {
  return api.post<Customer>(`/api/manage/salons/${salonId}/customers/${userId}/forgive-no-show/`);
}

export function useForgiveNoShow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forgiveNoShow,
    onSuccess: (_customer, { salonId }) => queryClient.invalidateQueries({ queryKey: customersKey(salonId) }),
  });
}
