// The period a report covers: calendar days in the salon's time zone, both ends included, as the API
// takes them (`from`, `to`). Presets are counted from the salon's today; the Saudi week runs from
// Sunday to Saturday (the heat map's rows start on Sunday too).
import { addDays, daysBetween, type IsoDate, isIsoDate, weekdayIndex } from "@/lib/calendar-date";

export const PRESETS = ["today", "week", "month", "last_month"] as const;
export type Preset = (typeof PRESETS)[number];
export type PeriodChoice = Preset | "custom";
export type GroupBy = "day" | "week" | "month";

export interface DayRange {
  from: IsoDate;
  to: IsoDate;
}

export interface ReportPeriod extends DayRange {
  choice: PeriodChoice;
}

export const DEFAULT_PRESET: Preset = "month";
/** The API's longest report (and export). */
export const MAX_DAYS = 400;

function firstOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

function lastOfMonth(date: IsoDate): IsoDate {
  const [year, month] = date.split("-").map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0, 12)).toISOString().slice(0, 10);
}

/** The days a preset covers on `today` (the salon's). */
export function presetRange(preset: Preset, today: IsoDate): DayRange {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "week": {
      const sunday = addDays(today, -weekdayIndex(today));
      return { from: sunday, to: addDays(sunday, 6) };
    }
    case "month":
      return { from: firstOfMonth(today), to: lastOfMonth(today) };
    case "last_month": {
      const lastDay = addDays(firstOfMonth(today), -1);
      return { from: firstOfMonth(lastDay), to: lastDay };
    }
  }
}

/** How many days a range covers (both ends included). */
export function lengthInDays({ from, to }: DayRange): number {
  return daysBetween(from, to) + 1;
}

/** The as many days just before the range: what its figures are compared with. */
export function previousRange(range: DayRange): DayRange {
  const days = lengthInDays(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The series' step: days up to two months, then weeks (the API's start on Sunday) up to half a year, then months. */
export function groupByFor(range: DayRange): GroupBy {
  const days = lengthInDays(range);
  if (days <= 62) return "day";
  if (days <= 186) return "week";
  return "month";
}

export type RangeProblem = "missing" | "reversed" | "too_long";

/** Why a custom range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return "missing";
  if (from > to) return "reversed";
  if (lengthInDays({ from, to }) > MAX_DAYS) return "too_long";
  return null;
}

function isPreset(value: string | null): value is Preset {
  return (PRESETS as readonly string[]).includes(value ?? "");
}

/** The period in the address (`?period=week`, or `?period=custom&from=&to=`); this month otherwise. */
export function periodFromParams(params: URLSearchParams, today: IsoDate): ReportPeriod {
  const choice = params.get("period");
  if (choice === "custom") {
    const from = params.get("from") ?? "";
    const to = params.get("to") ?? "";
    if (rangeProblem(from, to) === null) return { choice, from, to };
  }
  const preset = isPreset(choice) ? choice : DEFAULT_PRESET;
  return { choice: preset, ...presetRange(preset, today) };
}

/** The address's query for a period (a preset is named, so a link opened tomorrow still says "today"). */
export function periodToParams(period: ReportPeriod): Record<string, string> {
  if (period.choice === "custom") return { period: "custom", from: period.from, to: period.to };
  return period.choice === DEFAULT_PRESET ? {} : { period: period.choice };
}
