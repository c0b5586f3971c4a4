import "../desk.css";

import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatCalendarDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";

import type { Customer } from "@/types/models";

/**
 * The salon's calendar day of an API datetime: they carry the salon's offset, so their date part is
 * that day (a plain date passes through).
 */
function salonDay(iso: string): string {
  return iso.slice(0, 10);
}

/** Visits, last and next visit, what they paid, no-shows and cancellations. */
export function CustomerFacts({ customer }: { customer: Customer }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const day = (iso: string | null) =>
    iso ? formatCalendarDate(salonDay(iso), language, "long") : t("customers.never");
  const facts: [string, string][] = [
    [t("customers.visits"), formatNumber(customer.visit_count, language)],
    [t("customers.lastVisit"), day(customer.last_visit)],
    [t("customers.nextVisit"), customer.next_visit ? day(customer.next_visit) : t("customers.noneBooked")],
    [t("customers.totalPaid"), formatMoney(customer.total_paid, "SAR", language)],
    [t("customers.noShows"), formatNumber(customer.no_show_count, language)],
    [t("customers.cancellations"), formatNumber(customer.cancellation_count, language)],
  ];
  return (
    <dl className="desk-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CustomerTags({ tags }: { tags: string[] }) {
  const { t } = useTranslation("desk");
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label={t("customers.tags")}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          <bdi dir="auto">{tag}</bdi>
        </li>
      ))}
    </ul>
  );
}

export function BlockedBadge() {
  const { t } = useTranslation("desk");
  return <span className="desk-blocked">{t("customers.blocked")}</span>;
}
