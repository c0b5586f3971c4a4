// The weekly-hours rules, as the API checks them (`apps.salons.models.validate_interval_list` and
// `overnight_overlaps`): an interval never starts and ends at the same time; an end at or before the
// start runs past midnight and still belongs to the day it started; one day's intervals do not
// overlap, nor do they overlap the previous day's shift that ran past midnight.
import type { Weekday, WorkingInterval } from "@/types/models";

/** Python's numbering (0 = Monday … 6 = Sunday), in the order of the Saudi week (Sunday first). */
export const WEEK: readonly number[] = [6, 0, 1, 2, 3, 4, 5];

export interface HoursRow {
  key: string;
  start: string;
  end: string;
}

export type Week = Record<number, HoursRow[]>;

export type RowProblem = "missing" | "sameTime" | "overlap" | "overlapsPrevious";

const DAY = 24 * 60;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(":").map(Number);
  return hours * 60 + mins;
}

/** Minutes from the day's midnight; an end at or before the start belongs to the next day. */
export function span(row: { start: string; end: string }): [number, number] {
  const start = minutes(row.start);
  let end = minutes(row.end);
  if (end <= start) end += DAY;
  return [start, end];
}

export function isOvernight(row: { start: string; end: string }): boolean {
  return TIME.test(row.start) && TIME.test(row.end) && minutes(row.end) < minutes(row.start);
}

/** "HH:MM:SS" (as some answers write times) → "HH:MM". */
function clock(time: string): string {
  return time.slice(0, 5);
}

export function toWeek(hours: WorkingInterval[], newKey: () => string): Week {
  const week: Week = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  for (const interval of [...hours].sort((a, b) => a.start.localeCompare(b.start)))
    week[interval.weekday]?.push({ key: newKey(), start: clock(interval.start), end: clock(interval.end) });
  return week;
}

/** The week as the API takes it (Monday first, each day by start), with where each row went. */
export function flatten(week: Week): { hours: WorkingInterval[]; keys: string[] } {
  const hours: WorkingInterval[] = [];
  const keys: string[] = [];
  for (const weekday of [0, 1, 2, 3, 4, 5, 6] as const satisfies readonly Weekday[]) {
    for (const row of week[weekday] ?? []) {
      hours.push({ weekday, start: row.start, end: row.end });
      keys.push(row.key);
    }
  }
  return { hours, keys };
}

/** What is wrong with each row, by its key (rows without a problem are absent). */
export function weekProblems(week: Week): Map<string, RowProblem> {
  const problems = new Map<string, RowProblem>();
  const valid = (row: HoursRow) => !problems.has(row.key);
  for (let weekday = 0; weekday < 7; weekday += 1) {
    for (const row of week[weekday] ?? []) {
      if (!TIME.test(row.start) || !TIME.test(row.end)) problems.set(row.key, "missing");
      else if (row.start === row.end) problems.set(row.key, "sameTime");
    }
  }
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const rows = (week[weekday] ?? []).filter(valid);
    for (const [i, a] of rows.entries()) {
      for (const b of rows.slice(i + 1)) {
        const [aStart, aEnd] = span(a);
        const [bStart, bEnd] = span(b);
        if (aStart < bEnd && bStart < aEnd) {
          problems.set(a.key, "overlap");
          problems.set(b.key, "overlap");
        }
      }
    }
  }
  for (let weekday = 0; weekday < 7; weekday += 1) {
    const previous = (week[(weekday + 6) % 7] ?? []).filter(valid);
    const spillEnd = Math.max(0, ...previous.map((row) => span(row)[1] - DAY));
    if (spillEnd === 0) continue;
    for (const row of (week[weekday] ?? []).filter(valid)) {
      if (span(row)[0] < spillEnd) problems.set(row.key, "overlapsPrevious");
    }
  }
  return problems;
}
