// The desk's arithmetic on a calendar answer: free time (working hours minus time off and bookings
// that hold their time), the salon's grid of start times, and where things sit in a day's column.
// The server stays the judge of a start (a walk-in is checked when it is booked); this only decides
// what to offer. All instants are epoch milliseconds; days are the salon's local days.

import { addDays, dateOfInstant, type IsoDate } from "@/lib/calendar-date";
import { MINUTE_MS, startOfLocalDay } from "@/lib/zoned-time";
import type { BookingStatus } from "@/types/models";

import type { Calendar, CalendarBooking, CalendarInterval, CalendarStaff, CalendarTimeOff } from "@/types/models";

export interface Span {
  start: number;
  end: number;
}

/** Bookings shown on the calendar; cancelled and expired ones gave their time back. */
export const SHOWN_STATUSES: readonly BookingStatus[] = ["pending", "confirmed", "completed", "no_show"];

export function isShown(booking: CalendarBooking): boolean {
  return SHOWN_STATUSES.includes(booking.status);
}

export function toSpan(interval: CalendarInterval): Span {
  return { start: Date.parse(interval.start), end: Date.parse(interval.end) };
}

function merged(spans: Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  for (const span of sorted) {
    const last = result.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else result.push({ ...span });
  }
  return result;
}

/** `base` minus `busy`, both as half-open spans. */
export function subtract(base: Span[], busy: Span[]): Span[] {
  const taken = merged(busy);
  const free: Span[] = [];
  for (const span of merged(base)) {
    let cursor = span.start;
    for (const block of taken) {
      if (block.end <= cursor || block.start >= span.end) continue;
      if (block.start > cursor) free.push({ start: cursor, end: block.start });
      cursor = Math.max(cursor, block.end);
    }
    if (cursor < span.end) free.push({ start: cursor, end: span.end });
  }
  return free;
}

/** A stylist's free time: working hours minus time off and the bookings that hold their time. */
export function freeSpans(staff: CalendarStaff): Span[] {
  const busy = [...staff.time_off.map(toSpan), ...staff.bookings.filter(isShown).map(toSpan)];
  return subtract(staff.working.map(toSpan), busy);
}

/** The grid's start at or before `ms`: minutes from the local midnight are a multiple of the step. */
export function gridFloor(ms: number, stepMinutes: number, timeZone: string): number {
  const midnight = startOfLocalDay(dateOfInstant(new Date(ms).toISOString(), timeZone), timeZone);
  const step = stepMinutes * MINUTE_MS;
  return midnight + Math.floor((ms - midnight) / step) * step;
}

export function gridCeil(ms: number, stepMinutes: number, timeZone: string): number {
  const floor = gridFloor(ms, stepMinutes, timeZone);
  return floor === ms ? ms : floor + stepMinutes * MINUTE_MS;
}

/**
 * Free grid starts of one step each inside `spans`, from the grid slot under way at `now` (the desk
 * may book a walk-in into the current slot).
 */
export function freeStarts(spans: Span[], stepMinutes: number, timeZone: string, now: number): number[] {
  const step = stepMinutes * MINUTE_MS;
  const earliest = gridFloor(now, stepMinutes, timeZone);
  const starts: number[] = [];
  for (const span of spans) {
    for (let t = gridCeil(Math.max(span.start, earliest), stepMinutes, timeZone); t + step <= span.end; t += step) {
      starts.push(t);
    }
  }
  return starts;
}

export interface FreeWindow {
  staff: CalendarStaff;
  /** On the grid. */
  start: number;
  end: number;
}

/** Each active stylist's next free time from now (on the grid), soonest first. */
export function nextFreeWindows(calendar: Calendar, now: number): FreeWindow[] {
  const { slot_step_minutes: step, timezone } = calendar.salon;
  const windows: FreeWindow[] = [];
  for (const staff of calendar.staff.filter((s) => s.is_active)) {
    const spans = freeSpans(staff);
    const first = freeStarts(spans, step, timezone, now)[0];
    const span = first === undefined ? undefined : spans.find((s) => s.start <= first && first < s.end);
    if (first !== undefined && span) windows.push({ staff, start: first, end: span.end });
  }
  return windows.sort((a, b) => a.start - b.start);
}

// --- A day's column ------------------------------------------------------------------------------

export interface DayRange {
  /** Minutes after the local midnight where the columns start and end (the end may pass midnight). */
  startMinute: number;
  endMinute: number;
}

const DEFAULT_RANGE: DayRange = { startMinute: 9 * 60, endMinute: 21 * 60 };

/** Whole hours covering every working interval and booking of the days shown (09:00–21:00 when none). */
export function dayRange(calendar: Calendar, timeZone: string): DayRange {
  let startMinute = Number.POSITIVE_INFINITY;
  let endMinute = Number.NEGATIVE_INFINITY;
  for (const staff of calendar.staff) {
    for (const interval of [...staff.working, ...staff.bookings.filter(isShown)]) {
      const midnight = startOfLocalDay(dateOfInstant(interval.start, timeZone), timeZone);
      const span = toSpan(interval);
      startMinute = Math.min(startMinute, (span.start - midnight) / MINUTE_MS);
      endMinute = Math.max(endMinute, (span.end - midnight) / MINUTE_MS);
    }
  }
  if (!Number.isFinite(startMinute)) return DEFAULT_RANGE;
  const start = Math.floor(startMinute / 60) * 60;
  // One day's column never reaches into the next day's.
  const end = Math.min(Math.ceil(endMinute / 60) * 60, start + 24 * 60);
  return { startMinute: start, endMinute: Math.max(end, start + 60) };
}

export function datesFrom(start: IsoDate, days: number): IsoDate[] {
  return Array.from({ length: days }, (_, i) => addDays(start, i));
}

/** The instants a day's column covers. */
export function dayWindow(date: IsoDate, range: DayRange, timeZone: string): Span {
  const midnight = startOfLocalDay(date, timeZone);
  return { start: midnight + range.startMinute * MINUTE_MS, end: midnight + range.endMinute * MINUTE_MS };
}

export function clip(span: Span, window: Span): Span | null {
  const start = Math.max(span.start, window.start);
  const end = Math.min(span.end, window.end);
  return end > start ? { start, end } : null;
}

/** Where a span sits in its column, in minutes from the column's top. */
export function placement(span: Span, window: Span): { offset: number; length: number } {
  return { offset: (span.start - window.start) / MINUTE_MS, length: (span.end - span.start) / MINUTE_MS };
}

export type ColumnItem =
  | { kind: "booking"; span: Span; booking: CalendarBooking }
  | { kind: "time_off"; span: Span; timeOff: CalendarTimeOff }
  | { kind: "free"; span: Span };

export interface Column {
  staff: CalendarStaff;
  date: IsoDate;
  window: Span;
  working: Span[];
  /** In time order (the order a keyboard or a screen reader goes through them). */
  items: ColumnItem[];
}

/** One stylist's day: working hours as the background, time off, bookings and free grid slots. */
export function buildColumn(
  staff: CalendarStaff,
  date: IsoDate,
  range: DayRange,
  calendar: Calendar,
  now: number,
): Column {
  const { timezone, slot_step_minutes: step } = calendar.salon;
  const window = dayWindow(date, range, timezone);
  const inWindow = (span: Span) => clip(span, window);
  const items: ColumnItem[] = [];
  for (const booking of staff.bookings.filter(isShown)) {
    const span = inWindow(toSpan(booking));
    if (span) items.push({ kind: "booking", span, booking });
  }
  for (const timeOff of staff.time_off) {
    const span = inWindow(toSpan(timeOff));
    if (span) items.push({ kind: "time_off", span, timeOff });
  }
  if (staff.is_active) {
    const free = freeSpans(staff)
      .map(inWindow)
      .filter((s): s is Span => s !== null);
    for (const start of freeStarts(free, step, timezone, now)) {
      items.push({ kind: "free", span: { start, end: start + step * MINUTE_MS } });
    }
  }
  items.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const working = staff.working.map((w) => inWindow(toSpan(w))).filter((s): s is Span => s !== null);
  return { staff, date, window, working, items };
}
