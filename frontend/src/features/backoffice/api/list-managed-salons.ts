import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, isApiError } from "@/lib/api-client";
import type { ManageSalonSummary } from "@/types/models";

import { managedSalonsQueryKey } from "./keys";

/**
 * GET /api/manage/salons/: the salons the signed-in person manages (every salon for a platform
 * admin). Someone who manages none is refused (403 `not_a_manager`): that is an empty list here.
 */
export async function listManagedSalons({ signal }: { signal?: AbortSignal } = {}): Promise<ManageSalonSummary[]> {
  try {
    return await api.get<ManageSalonSummary[]>("/api/manage/salons/", { signal });
  } catch (error) {
    if (isApiError(error) && error.code === "not_a_manager") return [];
    throw error;
  }
}

export function managedSalonsQueryOptions() {
  return queryOptions({ queryKey: managedSalonsQueryKey, queryFn: listManagedSalons, staleTime: 5 * 60_000 });
}

export function useManagedSalons({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...managedSalonsQueryOptions(), enabled });
}
