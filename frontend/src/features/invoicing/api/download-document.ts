import { useMutation } from "@tanstack/react-query";

import { api, type QueryValue } from "@/lib/api-client";
import { filenameFromDisposition, saveBlob } from "@/lib/download";

export type PaperSize = "a4" | "receipt";
export type ExportFormat = "csv" | "xlsx";

export interface DocumentDownload {
  /** An API path answering with a file. */
  path: string;
  query?: Record<string, QueryValue>;
  /** The name to save it under when the server gives none. */
  fallbackName: string;
}

/** GET /api/bookings/{id}/invoice.pdf: the customer's invoice and its credit notes, A4 or an 80 mm roll. */
export function bookingInvoicePdf(bookingId: number, size: PaperSize): DocumentDownload {
  return { path: `/api/bookings/${bookingId}/invoice.pdf`, query: { size }, fallbackName: `invoice-${bookingId}.pdf` };
}

/** GET /api/manage/salons/{id}/invoices/{id}.pdf: one of the salon's documents. */
export function salonDocumentPdf(salonId: number, documentId: number, number: string): DocumentDownload {
  return { path: `/api/manage/salons/${salonId}/invoices/${documentId}.pdf`, fallbackName: `${number}.pdf` };
}

/** GET /api/manage/salons/{id}/exports/invoices.csv|.xlsx: the documents issued from `from` to `to`. */
export function salonInvoicesExport(
  salonId: number,
  format: ExportFormat,
  { from, to, kind }: { from: string; to: string; kind: string },
): DocumentDownload {
  return {
    path: `/api/manage/salons/${salonId}/exports/invoices.${format}`,
    query: { from, to, kind },
    fallbackName: `invoices-${from}-${to}.${format}`,
  };
}

/**
 * Fetches a file with the signed-in person's token and saves it: a plain link cannot carry the token
 * (it is kept in memory, ADR 0004).
 */
export async function downloadDocument({ path, query, fallbackName }: DocumentDownload): Promise<void> {
  const file = await api.download(path, { query });
  saveBlob(file.blob, filenameFromDisposition(file.disposition) ?? fallbackName);
}

export function useDownloadDocument() {
  return useMutation({ mutationFn: downloadDocument });
}
