// The one module that imports Chart.js: loaded lazily (React.lazy in ChartFigure), so only the reports
// page downloads the library. Registers just the pieces the reports use (tree-shaken).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";

import { type ChartSpec, toChartConfig } from "./chart-spec";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/** A chart on a canvas; hidden from screen readers, which read the table beside it. */
export default function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, toChartConfig(spec, { animate: !prefersReducedMotion() }));
    return () => chart.destroy();
  }, [spec]);
  return <canvas ref={canvas} aria-hidden="true" />;
}
