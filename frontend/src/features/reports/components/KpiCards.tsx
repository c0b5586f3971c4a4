import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber, formatPercent, formatSignedNumber } from "@/lib/format/number";
import type { Language } from "@/lib/i18n";
import type { ReportFigures } from "@/types/models";

import { type Change, type Kpi, kpiChange, KPIS, toneOf } from "../kpis";

function kpiValue(kpi: Kpi, figures: ReportFigures, currency: string, language: Language): string | null {
  switch (kpi) {
    case "net":
      return formatMoney(figures.net, currency, language);
    case "bookings":
      return formatNumber(figures.bookings, language);
    case "utilisation":
      return formatPercent(figures.utilisation, language, { fractionDigits: 1 });
    case "no_show_rate":
      return formatPercent(figures.no_show_rate, language, { fractionDigits: 1 });
    case "new_customers":
      return formatNumber(figures.new_customers, language);
    case "rating":
      return figures.rating_average === null ? null : formatNumber(figures.rating_average, language, 1);
  }
}

function ChangeLine({ kpi, change }: { kpi: Kpi; change: Change }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  if (change.kind === "none") return null;
  const tone = toneOf(kpi, change);
  let text: string;
  switch (change.kind) {
    case "relative":
      text = t("kpi.change.relative", { value: formatPercent(change.ratio, language, { signed: true }) });
      break;
    case "points":
      text = t("kpi.change.points", { value: formatSignedNumber(change.points, language, 1) });
      break;
    case "absolute":
      text = t("kpi.change.absolute", { value: formatSignedNumber(change.difference, language, 1) });
      break;
    default:
      text = t(`kpi.change.${change.kind}`);
  }
  const rising =
    (change.kind === "relative" && change.ratio > 0) ||
    (change.kind === "points" && change.points > 0) ||
    (change.kind === "absolute" && change.difference > 0);
  return (
    <p className={`kpi__change kpi__change--${tone}`}>
      {tone !== "neutral" && <Icon name={rising ? "up" : "down"} size={16} />}
      <span>{text}</span>
      {tone !== "neutral" && <span className="visually-hidden"> {t(`kpi.change.${tone}`)}</span>}
    </p>
  );
}

type Previous = ReportFigures | "loading" | "failed";

function KpiCard({
  kpi,
  current,
  previous,
  currency,
}: {
  kpi: Kpi;
  current: ReportFigures;
  previous: Previous;
  currency: string;
}) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const titleId = useId();
  const value = kpiValue(kpi, current, currency, language);
  const note =
    kpi === "net"
      ? t("kpi.netNote")
      : kpi === "bookings"
        ? t("kpi.bookingsNote")
        : kpi === "utilisation"
          ? t("kpi.utilisationNote")
          : kpi === "no_show_rate"
            ? t("kpi.noShowNote")
            : kpi === "new_customers"
              ? t("kpi.newCustomersNote", {
                  count: current.returning_customers,
                  n: formatNumber(current.returning_customers, language),
                })
              : t("kpi.ratingCount", { count: current.rating_count, n: formatNumber(current.rating_count, language) });
  return (
    <article className="card kpi" aria-labelledby={titleId}>
      <h3 id={titleId} className="kpi__title">
        {t(`kpi.${kpi}`)}
      </h3>
      <p className="kpi__value">{value ?? t("kpi.noRating")}</p>
      <p className="kpi__note">{note}</p>
      {previous !== "loading" && (
        <ChangeLine kpi={kpi} change={kpiChange(kpi, current, previous === "failed" ? undefined : previous)} />
      )}
    </article>
  );
}

/** The six key figures of the period, each with its change against the previous period. */
export function KpiCards({
  current,
  previous,
  currency,
}: {
  current: ReportFigures;
  /** The previous period's figures; while they load the changes wait, when they failed the cards say so. */
  previous: Previous;
  currency: string;
}) {
  const { t } = useTranslation("reports");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t("kpi.heading")}
      </h2>
      <div className="kpis">
        {KPIS.map((kpi) => (
          <KpiCard key={kpi} kpi={kpi} current={current} previous={previous} currency={currency} />
        ))}
      </div>
    </section>
  );
}
