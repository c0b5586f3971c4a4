import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { InvoiceDocumentPage, InvoiceKind } from "@/types/models";

export interface InvoiceFilters {
  /** Days in the salon's time zone (YYYY-MM-DD), both included; empty for no bound. */
  from: string;
  to: string;
  /** One kind, or empty for every kind. */
  kind: InvoiceKind | "";
  page: number;
}

export const INVOICES_PAGE_SIZE = 20;

/**
 * GET /api/manage/salons/{id}/invoices/: the salon's invoices, credit notes and receipts, latest
 * first, with `vat_number_missing`.
 */
export function listSalonInvoices(
  salonId: number,
  { from, to, kind, page }: InvoiceFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<InvoiceDocumentPage> {
  return api.get<InvoiceDocumentPage>(`/api/manage/salons/${salonId}/invoices/`, {
    query: { from, to, kind, page, page_size: INVOICES_PAGE_SIZE },
    signal,
  });
}

export function salonInvoicesQueryOptions(salonId: number, filters: InvoiceFilters) {
  return queryOptions({
    queryKey: ["invoicing", "salon", salonId, filters],
    queryFn: ({ signal }) => listSalonInvoices(salonId, filters, { signal }),
    // The page on screen stays while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useSalonInvoices(salonId: number, filters: InvoiceFilters) {
  return useQuery(salonInvoicesQueryOptions(salonId, filters));
}
