import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { AuditPage } from "@/types/models";

import { salonQueryRoot } from "./keys";

export interface AuditFilters {
  /** An object type (`service`, `staff`, …); empty for every one. */
  object: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 20;

/** GET /api/manage/salons/{id}/audit/: every change made through the back office, newest first. */
export function listAudit(
  salonId: number,
  { object, page }: AuditFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<AuditPage> {
  return api.get<AuditPage>(`/api/manage/salons/${salonId}/audit/`, {
    query: { object, page, page_size: AUDIT_PAGE_SIZE },
    signal,
  });
}

export function auditQueryOptions(salonId: number, filters: AuditFilters) {
  return queryOptions({
    queryKey: [...salonQueryRoot(salonId), "audit", filters],
    queryFn: ({ signal }) => listAudit(salonId, filters, { signal }),
    // The page on screen stays while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useAudit(salonId: number, filters: AuditFilters) {
  return useQuery(auditQueryOptions(salonId, filters));
}
