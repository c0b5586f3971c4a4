import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import type { ManagedService, ServiceInput } from "@/types/models";
import { refreshSalon } from "./keys";

/** POST /api/manage/salons/{id}/services/ → 201 (400 with field errors). */
export function createService({ salonId, service }: { salonId: number; service: ServiceInput }) {
  return api.post<ManagedService>(`/api/manage/salons/${salonId}/services/`, service);
}

export function useCreateService(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (service: ServiceInput) => createService({ salonId, service }),
    onSuccess: () => refreshSalon(queryClient, salonId),
  });
}
