// The key figures and how each compares with the previous period of the same length. Counts and money
// change by a ratio (+12 %), rates by percentage points, the rating by its difference; a rise is good
// news except for no-shows.
import type { ReportFigures } from "@/types/models";

export const KPIS = ["net", "bookings", "utilisation", "no_show_rate", "new_customers", "rating"] as const;
export type Kpi = (typeof KPIS)[number];

export type Change =
  | { kind: "relative"; ratio: number }
  | { kind: "points"; points: number }
  | { kind: "absolute"; difference: number }
  /** Equal once written down. */
  | { kind: "same" }
  /** Nothing to compare with (the previous period had none of it). */
  | { kind: "noPrevious" }
  /** The previous period's figures did not arrive. */
  | { kind: "unavailable" }
  /** Nothing to say (no rating in this period). */
  | { kind: "none" };

export type Tone = "better" | "worse" | "neutral";

const LOWER_IS_BETTER: ReadonlySet<Kpi> = new Set(["no_show_rate"]);

function relative(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { kind: "same" } : { kind: "noPrevious" };
  const ratio = (current - previous) / previous;
  return Math.abs(ratio) < 0.0005 ? { kind: "same" } : { kind: "relative", ratio };
}

function points(current: number, previous: number, previousHadAny: boolean, currentHasAny: boolean): Change {
  if (!previousHadAny) return currentHasAny ? { kind: "noPrevious" } : { kind: "same" };
  const difference = (current - previous) * 100;
  return Math.abs(difference) < 0.05 ? { kind: "same" } : { kind: "points", points: difference };
}

export function kpiChange(kpi: Kpi, current: ReportFigures, previous: ReportFigures | undefined): Change {
  if (kpi === "rating" && current.rating_average === null) return { kind: "none" };
  if (!previous) return { kind: "unavailable" };
  switch (kpi) {
    case "net":
      return relative(current.net, previous.net);
    case "bookings":
      return relative(current.bookings, previous.bookings);
    case "new_customers":
      return relative(current.new_customers, previous.new_customers);
    case "utilisation":
      return points(
        current.utilisation,
        previous.utilisation,
        previous.working_minutes > 0,
        current.working_minutes > 0,
      );
    case "no_show_rate":
      return points(current.no_show_rate, previous.no_show_rate, previous.bookings > 0, current.bookings > 0);
    case "rating": {
      if (previous.rating_average === null || current.rating_average === null) return { kind: "noPrevious" };
      const difference = current.rating_average - previous.rating_average;
      return Math.abs(difference) < 0.05 ? { kind: "same" } : { kind: "absolute", difference };
    }
  }
}

/** Whether a change is good news for the salon. */
export function toneOf(kpi: Kpi, change: Change): Tone {
  const amount =
    change.kind === "relative"
      ? change.ratio
      : change.kind === "points"
        ? change.points
        : change.kind === "absolute"
          ? change.difference
          : 0;
  if (amount === 0) return "neutral";
  const rising = amount > 0;
  return rising !== LOWER_IS_BETTER.has(kpi) ? "better" : "worse";
}
