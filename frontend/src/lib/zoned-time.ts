// Instants on a time zone's wall clock: where a local day starts, and an instant written with that
// zone's offset. Layout in the back office's calendar counts minutes from the local midnight.

import type { IsoDate } from "@/lib/calendar-date";
import { dateFormat } from "@/lib/format/intl-cache";

export const MINUTE_MS = 60_000;

function wallClockParts(ms: number, timeZone: string) {
  const parts = dateFormat("en-US-u-ca-gregory-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour") % 24,
    minute: part("minute"),
    second: part("second"),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Riyadh: 180). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = wallClockParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
}

/** The instant (epoch ms) of the local midnight that starts `date` in the zone. */
export function startOfLocalDay(date: IsoDate, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  // Twice: the offset at midnight may differ from the offset at the UTC guess (daylight saving).
  const first = guess - zoneOffsetMinutes(guess, timeZone) * MINUTE_MS;
  return guess - zoneOffsetMinutes(first, timeZone) * MINUTE_MS;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** An instant as ISO 8601 with the zone's offset, the way the API writes it: "2026-11-22T16:00:00+03:00". */
export function toZonedIso(ms: number, timeZone: string): string {
  const offset = zoneOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const absolute = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}
