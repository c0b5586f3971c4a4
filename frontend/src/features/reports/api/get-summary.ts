import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { ReportSummary } from "@/types/models";

import type { DayRange, GroupBy } from "../period";
import { reportsQueryRoot } from "./keys";

/** GET /api/manage/salons/{id}/reports/summary/?from=&to=&group_by=: the salon's figures over local days. */
export function getSummary({
  salonId,
  from,
  to,
  groupBy,
  signal,
}: DayRange & { salonId: number; groupBy: GroupBy; signal?: AbortSignal }) {
  return api.get<ReportSummary>(`/api/manage/salons/${salonId}/reports/summary/`, {
    query: { from, to, group_by: groupBy },
    signal,
  });
}

export function summaryQueryOptions(salonId: number, range: DayRange, groupBy: GroupBy) {
  return queryOptions({
    queryKey: [...reportsQueryRoot(salonId), "summary", range.from, range.to, groupBy],
    queryFn: ({ signal }) => getSummary({ salonId, ...range, groupBy, signal }),
  });
}

export function useSummary(salonId: number, range: DayRange, groupBy: GroupBy) {
  return useQuery(summaryQueryOptions(salonId, range, groupBy));
}
