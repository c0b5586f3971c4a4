import "../invoicing.css";

import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { isApiError } from "@/lib/api-client";

import { bookingInvoicePdf, type PaperSize } from "../api/download-document";
import { useBookingInvoice } from "../api/get-booking-invoice";
import { DownloadButton } from "./DownloadButton";
import { InvoiceDocument } from "./InvoiceDocument";

const PAGE_RULES: Record<PaperSize, string> = {
  a4: "@page { size: A4; margin: 12mm; }",
  receipt: "@page { size: 80mm auto; margin: 3mm; }",
};

interface InvoiceViewProps {
  bookingId: number;
  paper: PaperSize;
  onPaperChange: (paper: PaperSize) => void;
}

/** A booking's invoice, printable on A4 or an 80 mm receipt printer, and as a PDF. */
export function InvoiceView({ bookingId, paper, onPaperChange }: InvoiceViewProps) {
  const { t } = useTranslation("invoicing");
  const invoice = useBookingInvoice(bookingId);

  if (invoice.isPending) return <LoadingState />;
  if (invoice.isError) {
    if (isApiError(invoice.error) && invoice.error.code === "invoice_not_found") {
      return <Notice tone="info">{t("page.notFound")}</Notice>;
    }
    return <ErrorState error={invoice.error} onRetry={() => void invoice.refetch()} />;
  }

  return (
    <div className={`invoice-view invoice-view--${paper}`}>
      {/* What the printer is told: the paper chosen on the page. */}
      <style>{PAGE_RULES[paper]}</style>
      <div className="invoice-toolbar no-print" role="group" aria-label={t("toolbar.label")}>
        <fieldset className="invoice-toolbar__paper">
          <legend>{t("toolbar.paper")}</legend>
          {(["a4", "receipt"] as const).map((size) => (
            <label key={size} className="invoice-toolbar__option">
              <input
                type="radio"
                name="paper"
                value={size}
                checked={paper === size}
                onChange={() => onPaperChange(size)}
              />
              {t(`toolbar.${size}`)}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("toolbar.print")}
          </button>
          <DownloadButton file={bookingInvoicePdf(bookingId, paper)}>{t("toolbar.downloadPdf")}</DownloadButton>
        </div>
      </div>
      <InvoiceDocument invoice={invoice.data} />
    </div>
  );
}
