import { useTranslation } from "react-i18next";

import { Reference } from "@/components/Reference";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import type { CreditNote, Invoice } from "@/types/models";

import { QrCode } from "./QrCode";
import { formatIssuedAt } from "./wall-clock";

type DocKey =
  | "invoice"
  | "receipt"
  | "creditNote"
  | "seller"
  | "vatNumber"
  | "invoiceNumber"
  | "receiptNumber"
  | "issuedAt"
  | "customer"
  | "booking"
  | "uuid"
  | "lines"
  | "service"
  | "quantity"
  | "priceExclVat"
  | "vatRate"
  | "vat"
  | "total"
  | "subtotal"
  | "totalInclVat"
  | "creditNotes"
  | "refunded"
  | "vatRefunded";

/**
 * The document's labels: Arabic, with the English beside it. A tax invoice is written in Arabic
 * whatever the reader's language (both catalogues are loaded for it).
 */
function useBilingual() {
  const { t: ar } = useTranslation("invoicing", { lng: "ar" });
  const { t: en } = useTranslation("invoicing", { lng: "en" });
  return {
    ar: (key: DocKey) => ar(`doc.${key}`),
    label: (key: DocKey) => (
      <>
        {ar(`doc.${key}`)}{" "}
        <span className="invoice__en" lang="en" dir="ltr">
          {en(`doc.${key}`)}
        </span>
      </>
    ),
  };
}

function percent(rate: string): string {
  return `${formatNumber(Number(rate), "ar", 2)}٪`;
}

function CreditNotes({ notes, currency }: { notes: CreditNote[]; currency: string }) {
  const { label } = useBilingual();
  const { t: ar } = useTranslation("invoicing", { lng: "ar" });
  return (
    <section className="invoice__credit-notes" aria-labelledby="credit-notes-title">
      <h2 id="credit-notes-title">{label("creditNotes")}</h2>
      <ul>
        {notes.map((note) => (
          <li key={note.uuid} className="credit-note">
            <dl className="invoice__facts">
              <div>
                <dt>{label("creditNote")}</dt>
                <dd>
                  <Reference>{note.number}</Reference>
                </dd>
              </div>
              <div>
                <dt>{label("issuedAt")}</dt>
                <dd>{formatIssuedAt(note.issued_at, "ar")}</dd>
              </div>
              <div>
                <dt>{label("refunded")}</dt>
                <dd>{formatMoney(note.amount, currency, "ar")}</dd>
              </div>
              <div>
                <dt>{label("vatRefunded")}</dt>
                <dd>{formatMoney(note.vat, currency, "ar")}</dd>
              </div>
            </dl>
            {note.qr_svg && (
              <QrCode svg={note.qr_svg} label={ar("doc.qrCreditNote", { number: note.number })} size={120} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The invoice (or receipt) as printed: seller, number, time, lines, VAT, totals, QR code, credit notes. */
export function InvoiceDocument({ invoice }: { invoice: Invoice }) {
  const { ar, label } = useBilingual();
  const { t: arT } = useTranslation("invoicing", { lng: "ar" });
  const { t: enT } = useTranslation("invoicing", { lng: "en" });
  const taxed = invoice.kind === "invoice";
  const money = (halalas: number) => formatMoney(halalas, invoice.currency, "ar");

  return (
    <article className="invoice" lang="ar" dir="rtl" aria-labelledby="invoice-title">
      <header className="invoice__header">
        <h1 id="invoice-title" className="invoice__title">
          {ar(taxed ? "invoice" : "receipt")}
        </h1>
        <p className="invoice__subtitle" lang="en" dir="ltr">
          {enT(taxed ? "doc.invoice" : "doc.receipt")}
        </p>
      </header>

      <dl className="invoice__facts">
        <div>
          <dt>{label("seller")}</dt>
          <dd>{invoice.seller.name}</dd>
        </div>
        {taxed && (
          <div>
            <dt>{label("vatNumber")}</dt>
            <dd>
              <bdi>{invoice.seller.vat_number}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{label(taxed ? "invoiceNumber" : "receiptNumber")}</dt>
          <dd>
            <Reference>{invoice.number}</Reference>
          </dd>
        </div>
        <div>
          <dt>{label("issuedAt")}</dt>
          <dd>
            <time dateTime={invoice.issued_at}>{formatIssuedAt(invoice.issued_at, "ar")}</time>
          </dd>
        </div>
        {invoice.buyer.name && (
          <div>
            <dt>{label("customer")}</dt>
            <dd>{invoice.buyer.name}</dd>
          </div>
        )}
        <div>
          <dt>{label("booking")}</dt>
          <dd>
            <Reference>{invoice.booking_reference}</Reference>
          </dd>
        </div>
      </dl>

      {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
      <div className="invoice__table" tabIndex={0} role="region" aria-label={ar("lines")}>
        <table className="invoice__lines">
          <caption className="visually-hidden">{ar("lines")}</caption>
          <thead>
            <tr>
              <th scope="col">{label("service")}</th>
              <th scope="col" className="invoice__detail">
                {label("quantity")}
              </th>
              {taxed && (
                <th scope="col" className="invoice__detail">
                  {label("priceExclVat")}
                </th>
              )}
              {taxed && (
                <th scope="col" className="invoice__detail">
                  {label("vatRate")}
                </th>
              )}
              {taxed && (
                <th scope="col" className="invoice__detail">
                  {label("vat")}
                </th>
              )}
              <th scope="col">{label("total")}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line, index) => (
              <tr key={index}>
                <th scope="row">
                  {line.description}
                  {line.description_en && (
                    <span className="invoice__en invoice__en--block" lang="en" dir="ltr">
                      {line.description_en}
                    </span>
                  )}
                </th>
                <td className="invoice__detail">{formatNumber(line.quantity, "ar")}</td>
                {taxed && <td className="invoice__detail">{money(line.unit_price_excl_vat * line.quantity)}</td>}
                {taxed && <td className="invoice__detail">{percent(line.vat_rate)}</td>}
                {taxed && <td className="invoice__detail">{money(line.vat)}</td>}
                <td>{money(line.total_incl_vat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="invoice__totals">
        {taxed && (
          <>
            <div>
              <dt>{label("subtotal")}</dt>
              <dd>{money(invoice.subtotal_excl_vat)}</dd>
            </div>
            <div>
              <dt>{label("vatRate")}</dt>
              <dd>{percent(invoice.lines[0]?.vat_rate ?? "15.00")}</dd>
            </div>
            <div>
              <dt>{label("vat")}</dt>
              <dd>{money(invoice.vat)}</dd>
            </div>
          </>
        )}
        <div className="invoice__grand-total">
          <dt>{label(taxed ? "totalInclVat" : "total")}</dt>
          <dd>{money(invoice.total)}</dd>
        </div>
      </dl>

      {invoice.qr_svg ? (
        <figure className="invoice__qr">
          <QrCode svg={invoice.qr_svg} label={arT("doc.qr")} />
        </figure>
      ) : (
        <p className="invoice__note">{arT("doc.notTaxInvoice")}</p>
      )}

      {invoice.credit_notes.length > 0 && <CreditNotes notes={invoice.credit_notes} currency={invoice.currency} />}
    </article>
  );
}
