import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { MyPackage } from "@/types/models";

/** GET /api/packages/purchases/: the signed-in customer's paid packages, sessions left and expiry. */
export function listMyPackages({ signal }: { signal?: AbortSignal } = {}): Promise<MyPackage[]> {
  return api.get<MyPackage[]>("/api/packages/purchases/", { signal });
}

export function myPackagesQueryOptions() {
  return queryOptions({ queryKey: ["packages", "mine"], queryFn: ({ signal }) => listMyPackages({ signal }) });
}

export function useMyPackages() {
  return useQuery(myPackagesQueryOptions());
}
