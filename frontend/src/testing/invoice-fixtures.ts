// Invoicing fixtures shaped like the API's answers: a salon's simplified tax invoice with a credit note.
import type { Invoice, InvoiceDocument } from "@/types/models";

const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M4 4h7"/></svg>';

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    kind: "invoice",
    number: "INV-3-000001",
    uuid: "3b241101-e2bb-4255-8caf-4136c566a962",
    issued_at: "2026-11-20T14:05:00+03:00",
    seller: { name: "مؤسسة دلال للتجميل", vat_number: "310788990100003" },
    buyer: { name: "سارة العتيبي" },
    booking_reference: "SLN-83MCF",
    lines: [
      {
        description: "استشوار",
        description_en: "Blow-dry",
        quantity: 1,
        unit_price_excl_vat: 15652,
        vat_rate: "15.00",
        vat: 2348,
        total_incl_vat: 18000,
      },
    ],
    subtotal_excl_vat: 15652,
    total: 18000,
    vat: 2348,
    currency: "SAR",
    qr: "AQ3YtdmE2KfZhCDYr9mE2KfZhA==",
    qr_svg: QR_SVG,
    pdf_url: "/api/bookings/1/invoice.pdf",
    credit_notes: [
      {
        number: "CRN-3-000004",
        uuid: "8c8a4f3e-0e0b-4d0e-b5f1-6b8f0c7f5a11",
        issued_at: "2026-11-21T09:30:00+03:00",
        amount: 5000,
        vat: 652,
        qr: "AQ3YtdmE2KfZhCDYr9mE2KfZhA==",
        qr_svg: QR_SVG,
      },
    ],
    ...overrides,
  };
}

export function invoiceDocument(overrides: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    id: 11,
    kind: "invoice",
    number: "INV-3-000001",
    uuid: "3b241101-e2bb-4255-8caf-4136c566a962",
    issued_at: "2026-11-20T14:05:00+03:00",
    booking_reference: "SLN-83MCF",
    customer_name: "سارة العتيبي",
    total: 18000,
    vat: 2348,
    currency: "SAR",
    references: null,
    ...overrides,
  };
}
