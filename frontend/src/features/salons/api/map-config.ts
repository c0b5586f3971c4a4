import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { MapConfig } from "@/types/models";

/** GET /api/map-config/: where the maps' tiles come from (the server's settings). */
export function getMapConfig({ signal }: { signal?: AbortSignal } = {}) {
  return api.get<MapConfig>("/api/map-config/", { signal, auth: false });
}

export function mapConfigQueryOptions() {
  return queryOptions({
    queryKey: ["map-config"],
    queryFn: ({ signal }) => getMapConfig({ signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMapConfig(enabled = true) {
  return useQuery({ ...mapConfigQueryOptions(), enabled });
}
