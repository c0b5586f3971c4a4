import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Package, PackageChanges, PackageWrite } from "@/types/models";

const key = (salonId: number) => ["packages", "manage", salonId] as const;

/** GET /api/manage/salons/{id}/packages/: every package of the salon, on sale or not. */
export function listManagedPackages(salonId: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<Package[]>(`/api/manage/salons/${salonId}/packages/`, { signal });
}

export function managedPackagesQueryOptions(salonId: number) {
  return queryOptions({ queryKey: key(salonId), queryFn: ({ signal }) => listManagedPackages(salonId, { signal }) });
}

export function useManagedPackages(salonId: number) {
  return useQuery(managedPackagesQueryOptions(salonId));
}

/** POST /api/manage/salons/{id}/packages/ (a new package) or PATCH …/{package_id}/ (changes). */
export function useSavePackage(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id?: number; changes: PackageWrite | PackageChanges }) =>
      id === undefined
        ? api.post<Package>(`/api/manage/salons/${salonId}/packages/`, changes)
        : api.patch<Package>(`/api/manage/salons/${salonId}/packages/${id}/`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(salonId) }),
  });
}

/** DELETE …/packages/{id}/: deleted when nobody bought it, else taken off sale. */
export function useDeletePackage(salonId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/manage/salons/${salonId}/packages/${id}/`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(salonId) }),
  });
}
