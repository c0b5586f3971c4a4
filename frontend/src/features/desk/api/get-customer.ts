import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { CustomerDetail } from "@/types/models";
import { customersKey } from "./desk-keys";

/** GET /api/manage/salons/{id}/customers/{user_id}/: the customer with their bookings at the salon. */
export function getCustomer(salonId: number, userId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<CustomerDetail>(`/api/manage/salons/${salonId}/customers/${userId}/`, { signal });
}

export function customerQueryOptions(salonId: number, userId: number) {
  return queryOptions({
    queryKey: [...customersKey(salonId), "detail", userId],
    queryFn: ({ signal }) => getCustomer(salonId, userId, { signal }),
  });
}

export function useCustomer(salonId: number, userId: number) {
  return useQuery(customerQueryOptions(salonId, userId));
}
