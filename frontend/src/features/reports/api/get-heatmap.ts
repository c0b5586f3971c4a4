import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ReportHeatmap } from "@/types/models";

import type { DayRange } from "../period";
import { reportsQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/reports/heatmap/?from=&to=: visits by local weekday (Sunday first) and hour. */
export function getHeatmap({ salonId, from, to, signal }: DayRange & { salonId: number; signal?: AbortSignal }) {
  return api.get<ReportHeatmap>(`/api/manage/salons/${salonId}/reports/heatmap/`, { query: { from, to }, signal });
}

export function heatmapQueryOptions(salonId: number, range: DayRange) {
  return queryOptions({
    queryKey: [...reportsQueryRoot(salonId), "heatmap", range.from, range.to],
    queryFn: ({ signal }) => getHeatmap({ salonId, ...range, signal }),
  });
}

export function useHeatmap(salonId: number, range: DayRange) {
  return useQuery(heatmapQueryOptions(salonId, range));
}
