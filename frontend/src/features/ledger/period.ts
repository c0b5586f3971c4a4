// The statement's period: local calendar days of the salon (YYYY-MM-DD, both included), Gregorian.
import { addDays, daysBetween, type IsoDate, isIsoDate } from "@/lib/calendar-date";

import type { Period } from "./api/get-statement";

/** The API's limit on one statement. */
export const MAX_PERIOD_DAYS = 400;

export type PeriodPreset = "thisMonth" | "lastMonth";
export const PERIOD_PRESETS: readonly PeriodPreset[] = ["thisMonth", "lastMonth"];

function firstOfMonth(day: IsoDate): IsoDate {
  return `${day.slice(0, 8)}01`;
}

/** The 1st of this month to today (what the API answers when asked for no period). */
export function thisMonth(today: IsoDate): Period {
  return { from: firstOfMonth(today), to: today };
}

/** The whole of last month. */
export function lastMonth(today: IsoDate): Period {
  const to = addDays(firstOfMonth(today), -1);
  return { from: firstOfMonth(to), to };
}

export function presetPeriod(preset: PeriodPreset, today: IsoDate): Period {
  return preset === "thisMonth" ? thisMonth(today) : lastMonth(today);
}

/** The preset a period is, if any (its button shows as pressed). */
export function presetOf(period: Period, today: IsoDate): PeriodPreset | null {
  return (
    PERIOD_PRESETS.find((preset) => {
      const candidate = presetPeriod(preset, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

export type PeriodProblem = "missing" | "order" | "tooLong";

/** What is wrong with a period typed by hand, or null (the API's own rules, checked first). */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return "missing";
  if (from > to) return "order";
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) return "tooLong";
  return null;
}

/** The period in the address (`?from=&to=`) when it is a valid one, else this month. */
export function periodFromParams(params: URLSearchParams, today: IsoDate): Period {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return periodProblem(from, to) === null ? { from, to } : thisMonth(today);
}
