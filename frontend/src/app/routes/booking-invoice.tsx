import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";

import { Icon } from "@/components/Icon";
import { NotFound } from "@/components/NotFound";
import type { PaperSize } from "@/features/invoicing/api/download-document";
import { InvoiceView } from "@/features/invoicing/components/InvoiceView";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { parseId } from "@/lib/route-params";

/** `/bookings/:bookingId/invoice?paper=a4|receipt`: the printable invoice of a booking paid online. */
export function Component() {
  const { t } = useTranslation("invoicing");
  const bookingId = parseId(useParams().bookingId);
  const [params, setParams] = useSearchParams();
  const paper: PaperSize = params.get("paper") === "receipt" ? "receipt" : "a4";
  useDocumentTitle(t("page.title"));

  if (bookingId === null) return <NotFound />;
  return (
    <div className="stack">
      <Link className="link no-print" to="/bookings?tab=past">
        <Icon name="back" size={16} /> {t("page.back")}
      </Link>
      <InvoiceView
        bookingId={bookingId}
        paper={paper}
        onPaperChange={(size) => setParams(size === "a4" ? {} : { paper: size }, { replace: true })}
      />
    </div>
  );
}
