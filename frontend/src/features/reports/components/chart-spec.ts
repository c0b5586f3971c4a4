// What a report chart shows, in our words, and how Chart.js is told to draw it: readable right to left
// (the time axis runs from the right, value labels on the right, legend and tooltips in RTL order),
// every number written by our own formatters (Arabic-Indic digits in Arabic). Chart.js is only a type
// here: the library itself loads with ChartCanvas, lazily.
import type { ChartConfiguration, ChartDataset } from "chart.js";

export interface ChartSeries {
  label: string;
  values: number[];
  /** One colour, or one per bar. */
  color: string | string[];
  /** A line over bars (a bar chart may mix both). */
  line?: boolean;
}

export interface ChartSpec {
  /** Bars grow sideways, one per category (long names: services, stylists, statuses). */
  horizontal?: boolean;
  /** Category labels, already formatted. */
  labels: string[];
  series: ChartSeries[];
  /** A value axis tick ("١٢ ألف"). */
  formatTick: (value: number) => string;
  /** A tooltip's value, exact (from the source figures, not the plotted number). */
  formatValue: (seriesIndex: number, index: number) => string;
  /** The value axis' title (e.g. the currency). */
  valueTitle?: string;
  rtl: boolean;
  legend?: boolean;
  /** Integer values only (counts): no "0.5" ticks. */
  integers?: boolean;
}

export const PALETTE = {
  primary: "#6b2d5c",
  primarySoft: "#c48bb5",
  success: "#1b6e3f",
  info: "#1a4f8f",
  warning: "#b26b00",
  error: "#b3261e",
  muted: "#857b8c",
  grid: "#e3dbe1",
  text: "#1f1a24",
} as const;

const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic", "Noto Sans", Tahoma, Arial, sans-serif';

export function toChartConfig(spec: ChartSpec, { animate = true }: { animate?: boolean } = {}): ChartConfiguration {
  const direction = spec.rtl ? "rtl" : "ltr";
  const datasets = spec.series.map((series): ChartDataset<"bar" | "line"> =>
    series.line
      ? {
          type: "line",
          label: series.label,
          data: series.values,
          borderColor: series.color as string,
          backgroundColor: series.color as string,
          pointRadius: 2,
          tension: 0.2,
        }
      : {
          type: "bar",
          label: series.label,
          data: series.values,
          backgroundColor: series.color,
          borderRadius: 3,
          maxBarThickness: 28,
        },
  );
  const categoryAxis = {
    grid: { display: false },
    ticks: { color: PALETTE.text, font: { family: FONT }, autoSkip: true, maxRotation: 0 },
  };
  const valueAxis = {
    beginAtZero: true,
    grid: { color: PALETTE.grid },
    ticks: {
      color: PALETTE.text,
      font: { family: FONT },
      precision: spec.integers ? 0 : undefined,
      callback: (value: string | number) => spec.formatTick(Number(value)),
    },
    title: spec.valueTitle
      ? { display: true, text: spec.valueTitle, color: PALETTE.text, font: { family: FONT } }
      : undefined,
  };
  // Right to left: the first category (the earliest day, the top service) sits on the right for
  // vertical bars, and bars grow leftwards from the labels on the right for horizontal ones.
  const scales = spec.horizontal
    ? {
        x: { ...valueAxis, reverse: spec.rtl },
        y: { ...categoryAxis, position: spec.rtl ? ("right" as const) : ("left" as const) },
      }
    : {
        x: { ...categoryAxis, reverse: spec.rtl },
        y: { ...valueAxis, position: spec.rtl ? ("right" as const) : ("left" as const) },
      };
  return {
    type: "bar",
    data: { labels: spec.labels, datasets: datasets },
    options: {
      indexAxis: spec.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: animate ? undefined : false,
      locale: spec.rtl ? "ar-SA" : "en-SA",
      font: { family: FONT },
      scales,
      plugins: {
        legend: {
          display: spec.legend ?? spec.series.length > 1,
          position: "bottom",
          rtl: spec.rtl,
          textDirection: direction,
          labels: { color: PALETTE.text, font: { family: FONT }, boxWidth: 14 },
        },
        tooltip: {
          rtl: spec.rtl,
          textDirection: direction,
          titleFont: { family: FONT },
          bodyFont: { family: FONT },
          callbacks: {
            label: (item) => `${item.dataset.label ?? ""}: ${spec.formatValue(item.datasetIndex, item.dataIndex)}`,
          },
        },
      },
    },
  };
}
