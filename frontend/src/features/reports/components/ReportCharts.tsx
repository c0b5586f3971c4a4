import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatCalendarDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatCompactNumber, formatNumber, formatPercent } from "@/lib/format/number";
import type { Language } from "@/lib/i18n";
import type { ReportBreakdown, ReportFigures, ReportSeriesItem } from "@/types/models";

import type { GroupBy } from "../period";
import { type ChartSpec, PALETTE } from "./chart-spec";
import { ReportCard, type ReportTable } from "./ReportCard";

// Chart.js loads with the first chart shown, in its own chunk: the rest of the app never carries it.
const ChartCanvas = lazy(() => import("./ChartCanvas"));

function LazyChart({ spec, height }: { spec: ChartSpec; height: string }) {
  return (
    <div className="report-chart" style={{ blockSize: height }}>
      <Suspense fallback={<LoadingState />}>
        <ChartCanvas spec={spec} />
      </Suspense>
    </div>
  );
}

/** Halalas as riyals for plotting only: the labels and tables show the exact amounts. */
const riyals = (halalas: number) => halalas / 100;

type Translate = ReturnType<typeof useTranslation<"reports">>["t"];

function periodLabel(period: string, groupBy: GroupBy, language: Language, t: Translate, long = false): string {
  if (groupBy === "month") return formatCalendarDate(period, language, "monthYear");
  if (groupBy === "week") return t("revenue.weekOf", { date: formatCalendarDate(period, language, "dayMonth") });
  return formatCalendarDate(period, language, long ? "short" : "dayMonth");
}

/** Money over the period's days (weeks, months): paid online, refunded, net. */
export function RevenueChart({
  series,
  groupBy,
  currency,
}: {
  series: ReportSeriesItem[];
  groupBy: GroupBy;
  currency: string;
}) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const money = (halalas: number) => formatMoney(halalas, currency, language);
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: series.map((item) => periodLabel(item.period, groupBy, language, t)),
      series: [
        { label: t("revenue.net"), values: series.map((item) => riyals(item.net)), color: PALETTE.primary },
        { label: t("revenue.refunded"), values: series.map((item) => riyals(item.refunded)), color: PALETTE.warning },
      ],
      formatTick: (value) => formatCompactNumber(value, language),
      formatValue: (seriesIndex, index) => {
        const item = series[index];
        return item ? formatMoney(seriesIndex === 0 ? item.net : item.refunded, currency, language) : "";
      },
      valueTitle: t("revenue.currency"),
      rtl: language === "ar",
      legend: true,
    }),
    [series, groupBy, currency, language, t],
  );
  const table: ReportTable = {
    head: [t("revenue.period"), t("revenue.gross"), t("revenue.refunded"), t("revenue.net"), t("revenue.expected")],
    rows: series.map((item) => ({
      key: item.period,
      cells: [
        periodLabel(item.period, groupBy, language, t, true),
        money(item.gross_paid),
        money(item.refunded),
        money(item.net),
        money(item.expected_at_salon),
      ],
    })),
  };
  return (
    <ReportCard
      className="report-card--wide"
      title={t("revenue.title")}
      note={t("revenue.note")}
      picture={<LazyChart spec={spec} height="18rem" />}
      table={table}
    />
  );
}

const STATUSES = [
  ["pending", PALETTE.muted],
  ["confirmed", PALETTE.info],
  ["completed", PALETTE.success],
  ["cancelled_by_customer", PALETTE.warning],
  ["cancelled_by_salon", PALETTE.primarySoft],
  ["cancelled_auto", PALETTE.muted],
  ["no_show", PALETTE.error],
  ["expired", PALETTE.grid],
] as const;
export type StatusKey = (typeof STATUSES)[number][0];

/** The period's bookings in each status; pending ones and other cancellations are what the counts leave. */
export function statusCounts(totals: ReportFigures): { status: StatusKey; count: number; color: string }[] {
  const counted: Record<StatusKey, number> = {
    pending: 0,
    confirmed: totals.confirmed,
    completed: totals.completed,
    cancelled_by_customer: totals.cancelled_by_customer,
    cancelled_by_salon: totals.cancelled_by_salon,
    cancelled_auto: totals.cancelled - totals.cancelled_by_customer - totals.cancelled_by_salon,
    no_show: totals.no_show,
    expired: totals.expired,
  };
  counted.pending =
    totals.bookings - totals.confirmed - totals.completed - totals.cancelled - totals.no_show - totals.expired;
  return STATUSES.map(([status, color]) => ({ status, count: Math.max(0, counted[status]), color })).filter(
    // Always the main statuses; the rare ones only when they happened.
    ({ status, count }) => count > 0 || ["confirmed", "completed", "cancelled_by_customer", "no_show"].includes(status),
  );
}

export function StatusChart({ totals }: { totals: ReportFigures }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const rows = useMemo(() => statusCounts(totals), [totals]);
  const spec = useMemo<ChartSpec>(
    () => ({
      horizontal: true,
      labels: rows.map((row) => t(`status.labels.${row.status}`)),
      series: [{ label: t("status.count"), values: rows.map((row) => row.count), color: rows.map((row) => row.color) }],
      formatTick: (value) => formatNumber(value, language),
      formatValue: (_series, index) => formatNumber(rows[index]?.count ?? 0, language),
      rtl: language === "ar",
      legend: false,
      integers: true,
    }),
    [rows, language, t],
  );
  const table: ReportTable = {
    head: [t("status.status"), t("status.count"), t("status.share")],
    rows: rows.map((row) => ({
      key: row.status,
      cells: [
        t(`status.labels.${row.status}`),
        formatNumber(row.count, language),
        formatPercent(totals.bookings ? row.count / totals.bookings : 0, language, { fractionDigits: 1 }),
      ],
    })),
  };
  return (
    <ReportCard
      title={t("status.title")}
      note={t("status.note")}
      picture={<LazyChart spec={spec} height={`${Math.max(10, rows.length * 2.4)}rem`} />}
      table={table}
      empty={totals.bookings === 0 ? t("breakdown.none") : null}
    />
  );
}

/** At most this many bars; the table lists them all. */
const TOP = 10;

/** Net revenue per service or per stylist, largest first. */
export function BreakdownChart({
  by,
  rows,
  currency,
}: {
  by: "service" | "staff";
  rows: ReportBreakdown[];
  currency: string;
}) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.net - a.net || b.bookings - a.bookings), [rows]);
  const shown = sorted.slice(0, TOP);
  const spec = useMemo<ChartSpec>(() => {
    const top = sorted.slice(0, TOP);
    return {
      horizontal: true,
      labels: top.map((row) => row.name),
      series: [{ label: t("breakdown.net"), values: top.map((row) => riyals(row.net)), color: PALETTE.primary }],
      formatTick: (value) => formatCompactNumber(value, language),
      formatValue: (_series, index) => formatMoney(top[index]?.net ?? 0, currency, language),
      valueTitle: t("revenue.currency"),
      rtl: language === "ar",
      legend: false,
    };
  }, [sorted, currency, language, t]);
  const money = (halalas: number) => formatMoney(halalas, currency, language);
  const table: ReportTable = {
    head: [
      t(by === "service" ? "breakdown.service" : "breakdown.staff"),
      t("breakdown.bookings"),
      t("breakdown.completed"),
      t("breakdown.gross"),
      t("breakdown.net"),
    ],
    rows: sorted.map((row) => ({
      key: row.id,
      cells: [
        row.name,
        formatNumber(row.bookings, language),
        formatNumber(row.completed, language),
        money(row.gross_paid),
        money(row.net),
      ],
    })),
  };
  return (
    <ReportCard
      title={t(by === "service" ? "breakdown.byService" : "breakdown.byStaff")}
      note={t("breakdown.note")}
      picture={<LazyChart spec={spec} height={`${Math.max(8, shown.length * 2.6)}rem`} />}
      table={table}
      empty={rows.length === 0 ? t("breakdown.none") : null}
    />
  );
}
