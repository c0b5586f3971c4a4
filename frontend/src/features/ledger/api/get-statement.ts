import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { IsoDate } from "@/lib/calendar-date";
import type { Statement } from "@/types/models";

import { ledgerQueryRoot } from "./keys";

/** A statement's period: local days of the salon, both included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** GET /api/manage/salons/{id}/balance/statement/?from=&to=: the entries of a period, oldest first. */
export function getStatement(
  salonId: number,
  period: Period,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Statement> {
  return api.get<Statement>(`/api/manage/salons/${salonId}/balance/statement/`, {
    query: { from: period.from, to: period.to },
    signal,
  });
}

export function statementQueryOptions(salonId: number, period: Period) {
  return queryOptions({
    queryKey: [...ledgerQueryRoot(salonId), "statement", period],
    queryFn: ({ signal }) => getStatement(salonId, period, { signal }),
    // The statement on screen stays while another period loads.
    placeholderData: keepPreviousData,
  });
}

export function useStatement(salonId: number, period: Period) {
  return useQuery(statementQueryOptions(salonId, period));
}
