import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ServiceDeletion } from "@/types/models";
import { refreshSalon } from "./keys";

/**
 * DELETE /api/manage/salons/{id}/services/{service_id}/: 204 when it had no bookings; a service with
 * bookings is deactivated instead (200 `{deactivated: true, detail, service}`).
 */
export function deleteService({ salonId, serviceId }: { salonId: number; serviceId: number }) {
  return api.delete<ServiceDeletion>(`/api/manage/salons/${salonId}/services/${serviceId}/`);
}

export function useDeleteService(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceId: number) => deleteService({ salonId, serviceId }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
