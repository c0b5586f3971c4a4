import "../reports.css";

import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";

import { useHeatmap } from "../api/get-heatmap";
import { useSummary } from "../api/get-summary";
import { groupByFor, previousRange, type ReportPeriod } from "../period";
import { ExportPanel } from "./ExportPanel";
import { Heatmap } from "./Heatmap";
import { KpiCards } from "./KpiCards";
import { BreakdownChart, RevenueChart, StatusChart } from "./ReportCharts";

/** The heat map's own loading and error states: the rest of the page does not wait for it. */
function HeatmapSection({ salonId, period }: { salonId: number; period: ReportPeriod }) {
  const { t } = useTranslation("reports");
  const heatmap = useHeatmap(salonId, period);
  if (heatmap.isSuccess) return <Heatmap weekdays={heatmap.data.weekdays} />;
  return (
    <section className="card report-card report-card--wide" aria-label={t("heatmap.title")}>
      <h2>{t("heatmap.title")}</h2>
      {heatmap.isError ? <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} /> : <LoadingState />}
    </section>
  );
}

/**
 * A salon's reports over a period: the key figures against the previous period of the same length,
 * money over time, bookings by status, money by service and stylist, busy hours, and the files.
 */
export function ReportsDashboard({ salonId, period }: { salonId: number; period: ReportPeriod }) {
  return (
    <>
      <ReportFigures salonId={salonId} period={period} />
      <ExportPanel salonId={salonId} range={period} />
    </>
  );
}

function ReportFigures({ salonId, period }: { salonId: number; period: ReportPeriod }) {
  const { t } = useTranslation("reports");
  const groupBy = groupByFor(period);
  const summary = useSummary(salonId, period, groupBy);
  // The same step as the period's, so both are one request of the same shape (only the totals are used).
  const previous = useSummary(salonId, previousRange(period), groupBy);

  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;

  const { totals, currency } = summary.data;
  const nothing = totals.bookings === 0 && totals.gross_paid === 0 && totals.refunded === 0;
  return (
    <div className="reports__body" aria-busy={summary.isFetching}>
      <KpiCards
        current={totals}
        previous={previous.isPending ? "loading" : previous.isError ? "failed" : previous.data.totals}
        currency={currency}
      />
      {nothing ? (
        <EmptyState icon="chart" title={t("empty.title")} description={t("empty.text")} />
      ) : (
        <div className="reports__grid">
          <RevenueChart series={summary.data.series} groupBy={groupBy} currency={currency} />
          <StatusChart totals={totals} />
          <BreakdownChart by="service" rows={summary.data.by_service} currency={currency} />
          <BreakdownChart by="staff" rows={summary.data.by_staff} currency={currency} />
          <HeatmapSection salonId={salonId} period={period} />
        </div>
      )}
    </div>
  );
}
