import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Invoice } from "@/types/models";

/**
 * GET /api/bookings/{id}/invoice/: the invoice (or receipt) of the signed-in customer's booking paid
 * online, with its credit notes. 404 `invoice_not_found` for any other booking.
 */
export function getBookingInvoice(bookingId: number, { signal }: { signal?: AbortSignal } = {}): Promise<Invoice> {
  return api.get<Invoice>(`/api/bookings/${bookingId}/invoice/`, { signal });
}

export function bookingInvoiceQueryOptions(bookingId: number) {
  return queryOptions({
    queryKey: ["invoicing", "booking", bookingId],
    queryFn: ({ signal }) => getBookingInvoice(bookingId, { signal }),
  });
}

export function useBookingInvoice(bookingId: number) {
  return useQuery(bookingInvoiceQueryOptions(bookingId));
}
