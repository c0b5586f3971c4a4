import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedService, ServiceInput } from "@/types/models";
import { refreshSalon } from "./keys";

/** PATCH /api/manage/salons/{id}/services/{service_id}/ (partial). */
export function updateService({
  salonId,
  serviceId,
  changes,
}: {
  salonId: number;
  serviceId: number;
  changes: Partial<ServiceInput>;
}) {
  return api.patch<ManagedService>(`/api/manage/salons/${salonId}/services/${serviceId}/`, changes);
}

export function useUpdateService(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, changes }: { serviceId: number; changes: Partial<ServiceInput> }) =>
      updateService({ salonId, serviceId, changes }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
