import { describe, expect, test } from "vitest";

import { type ChartSpec, toChartConfig } from "./chart-spec";

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    labels: ["١ نوفمبر", "٢ نوفمبر"],
    series: [
      { label: "الصافي", values: [720, 450], color: "#6b2d5c" },
      { label: "المسترد", values: [180, 0], color: "#b26b00" },
    ],
    formatTick: (value) => `tick ${value}`,
    formatValue: (seriesIndex, index) => `value ${seriesIndex}/${index}`,
    rtl: true,
    ...overrides,
  };
}

describe("Chart.js configuration", () => {
  test("right to left: time runs from the right, values on the right, legend and tooltips in RTL", () => {
    const config = toChartConfig(spec());
    const options = config.options!;
    expect(options.indexAxis).toBe("x");
    expect(options.scales?.x).toMatchObject({ reverse: true });
    expect(options.scales?.y).toMatchObject({ position: "right", beginAtZero: true });
    expect(options.plugins?.legend).toMatchObject({ display: true, rtl: true, textDirection: "rtl" });
    expect(options.plugins?.tooltip).toMatchObject({ rtl: true, textDirection: "rtl" });
  });

  test("left to right in English", () => {
    const options = toChartConfig(spec({ rtl: false })).options!;
    expect(options.scales?.x).toMatchObject({ reverse: false });
    expect(options.scales?.y).toMatchObject({ position: "left" });
    expect(options.plugins?.legend).toMatchObject({ rtl: false, textDirection: "ltr" });
  });

  test("horizontal bars grow from the labels on the right in Arabic", () => {
    const options = toChartConfig(spec({ horizontal: true, series: [spec().series[0]!] })).options!;
    expect(options.indexAxis).toBe("y");
    expect(options.scales?.x).toMatchObject({ reverse: true, beginAtZero: true });
    expect(options.scales?.y).toMatchObject({ position: "right" });
    // One series: no legend.
    expect(options.plugins?.legend).toMatchObject({ display: false });
  });

  test("ticks and tooltips are written by our formatters (Arabic-Indic digits), from the exact figures", () => {
    const config = toChartConfig(spec(), { animate: false });
    const ticks = (config.options!.scales!.y as { ticks: { callback: (value: number) => string } }).ticks;
    expect(ticks.callback(1200)).toBe("tick 1200");
    const label = config.options!.plugins!.tooltip!.callbacks!.label as unknown as (item: object) => string;
    expect(label({ dataset: { label: "المسترد" }, datasetIndex: 1, dataIndex: 0 })).toBe("المسترد: value 1/0");
    expect(config.options!.animation).toBe(false);
    expect(config.data.datasets.map((dataset) => dataset.type)).toEqual(["bar", "bar"]);
  });
});
