import "../invoicing.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import { formatTime } from "@/lib/format/time";
import type { InvoiceDocument, InvoiceKind } from "@/types/models";

import { salonDocumentPdf, salonInvoicesExport } from "../api/download-document";
import { INVOICES_PAGE_SIZE, type InvoiceFilters, useSalonInvoices } from "../api/list-salon-invoices";
import { DownloadButton } from "./DownloadButton";

export const INVOICE_KINDS: readonly InvoiceKind[] = ["invoice", "credit_note", "receipt"];

interface SalonInvoicesProps {
  salonId: number;
  timeZone: string;
  filters: InvoiceFilters;
  onFilters: (changes: Partial<InvoiceFilters>) => void;
}

function Row({ document, salonId, timeZone }: { document: InvoiceDocument; salonId: number; timeZone: string }) {
  const { t } = useTranslation("invoicing");
  const language = useLanguage();
  const sign = document.kind === "credit_note" ? -1 : 1;
  return (
    <tr>
      <th scope="row">
        <Reference>{document.number}</Reference>
        <span className={`tag invoice-kind invoice-kind--${document.kind}`}>{t(`manage.kinds.${document.kind}`)}</span>
        {document.references && (
          <span className="invoice-row__refers">{t("manage.refersTo", { number: document.references })}</span>
        )}
      </th>
      <td>
        <time dateTime={document.issued_at}>
          {formatDate(document.issued_at, language, timeZone, "long")}{" "}
          {formatTime(document.issued_at, language, timeZone)}
        </time>
      </td>
      <td>
        <Reference>{document.booking_reference}</Reference>
      </td>
      <td>{document.customer_name}</td>
      <td>{formatMoney(sign * document.total, document.currency, language)}</td>
      <td>{formatMoney(sign * document.vat, document.currency, language)}</td>
      <td>
        <DownloadButton
          file={salonDocumentPdf(salonId, document.id, document.number)}
          label={t("manage.pdfOf", { number: document.number })}
          className="button button--secondary button--small"
        >
          {t("manage.pdf")}
        </DownloadButton>
      </td>
    </tr>
  );
}

/** The salon's invoices, credit notes and receipts: filters, exports, the VAT-number warning, pages. */
export function SalonInvoices({ salonId, timeZone, filters, onFilters }: SalonInvoicesProps) {
  const { t } = useTranslation("invoicing");
  const language = useLanguage();
  const documents = useSalonInvoices(salonId, filters);
  const pages = documents.data ? Math.max(1, Math.ceil(documents.data.count / INVOICES_PAGE_SIZE)) : 1;
  const canExport = Boolean(filters.from && filters.to && filters.from <= filters.to);

  return (
    <div className="stack">
      <h1>{t("manage.title")}</h1>
      {documents.data?.vat_number_missing && (
        <Notice tone="warning" title={t("manage.vatMissingTitle")}>
          <p>{t("manage.vatMissing")}</p>
          <Link className="link" to={`/manage/${salonId}/salon`}>
            {t("manage.vatMissingLink")}
          </Link>
        </Notice>
      )}

      <form className="invoice-filters" aria-label={t("manage.filters")} onSubmit={(event) => event.preventDefault()}>
        <Field label={t("manage.from")}>
          <input
            className="input"
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => onFilters({ from: event.target.value, page: 1 })}
          />
        </Field>
        <Field label={t("manage.to")}>
          <input
            className="input"
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => onFilters({ to: event.target.value, page: 1 })}
          />
        </Field>
        <Field label={t("manage.kind")}>
          <select
            className="input"
            value={filters.kind}
            onChange={(event) => onFilters({ kind: event.target.value as InvoiceKind | "", page: 1 })}
          >
            <option value="">{t("manage.allKinds")}</option>
            {INVOICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`manage.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
      </form>

      <div className="invoice-exports" role="group" aria-label={t("manage.export")}>
        {(["csv", "xlsx"] as const).map((format) =>
          canExport ? (
            <DownloadButton key={format} file={salonInvoicesExport(salonId, format, filters)}>
              {t(format === "csv" ? "manage.exportCsv" : "manage.exportXlsx")}
            </DownloadButton>
          ) : (
            <button key={format} type="button" className="button button--secondary" disabled>
              {t(format === "csv" ? "manage.exportCsv" : "manage.exportXlsx")}
            </button>
          ),
        )}
        {!canExport && <p className="invoice-exports__hint">{t("manage.exportNeedsPeriod")}</p>}
      </div>

      {documents.isPending ? (
        <LoadingState />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.results.length === 0 ? (
        <EmptyState icon="receipt" title={t("manage.empty")} />
      ) : (
        <>
          <p className="invoice-count" aria-live="polite">
            {t("manage.count", { count: documents.data.count, n: formatNumber(documents.data.count, language) })}
          </p>
          <div className="invoice-table" tabIndex={0} role="region" aria-label={t("manage.list")}>
            <table>
              <caption className="visually-hidden">{t("manage.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("manage.number")}</th>
                  <th scope="col">{t("manage.issuedAt")}</th>
                  <th scope="col">{t("manage.booking")}</th>
                  <th scope="col">{t("manage.customer")}</th>
                  <th scope="col">{t("manage.total")}</th>
                  <th scope="col">{t("manage.vat")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("manage.pdf")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {documents.data.results.map((document) => (
                  <Row key={document.id} document={document} salonId={salonId} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="invoice-pager" aria-label={t("manage.list")}>
              <button
                type="button"
                className="button button--secondary"
                disabled={filters.page <= 1}
                onClick={() => onFilters({ page: filters.page - 1 })}
              >
                {t("manage.previous")}
              </button>
              <span>
                {t("manage.page", {
                  page: formatNumber(filters.page, language),
                  pages: formatNumber(pages, language),
                })}
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={filters.page >= pages}
                onClick={() => onFilters({ page: filters.page + 1 })}
              >
                {t("manage.next")}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
