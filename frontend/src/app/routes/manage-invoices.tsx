import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import type { InvoiceFilters } from "@/features/invoicing/api/list-salon-invoices";
import { INVOICE_KINDS, SalonInvoices } from "@/features/invoicing/components/SalonInvoices";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { parseId } from "@/lib/route-params";
import type { InvoiceKind } from "@/types/models";

import { useManageContext } from "../layout/manage-context";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `/manage/:salonId/invoices?from=&to=&kind=&page=`: the salon's documents; the filters are in the URL. */
export function Component() {
  const { t } = useTranslation("invoicing");
  const { salon } = useManageContext();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t("manage.title"));
  const day = (key: string) => {
    const value = params.get(key) ?? "";
    return DAY.test(value) ? value : "";
  };
  const kind = params.get("kind") ?? "";
  const filters: InvoiceFilters = {
    from: day("from"),
    to: day("to"),
    kind: (INVOICE_KINDS as readonly string[]).includes(kind) ? (kind as InvoiceKind) : "",
    page: parseId(params.get("page") ?? undefined) ?? 1,
  };

  const update = (changes: Partial<InvoiceFilters>) => {
    const next = { ...filters, ...changes };
    const query: Record<string, string> = {};
    if (next.from) query.from = next.from;
    if (next.to) query.to = next.to;
    if (next.kind) query.kind = next.kind;
    if (next.page > 1) query.page = String(next.page);
    setParams(query);
  };

  return (
    <SalonInvoices key={salon.id} salonId={salon.id} timeZone={salon.timezone} filters={filters} onFilters={update} />
  );
}
