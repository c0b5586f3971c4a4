// Calendar days as ISO strings (YYYY-MM-DD), independent of the browser's time zone.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value) return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Noon UTC of the day: formatting it with timeZone "UTC" shows that very day in any calendar. */
export function toUtcNoon(isoDate: IsoDate): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

export function addDays(isoDate: IsoDate, days: number): IsoDate {
  const date = toUtcNoon(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcNoon(to).getTime() - toUtcNoon(from).getTime()) / 86_400_000);
}

/** The day's place in the week, counted from Sunday (0) to Saturday (6): the Saudi week starts on Sunday. */
export function weekdayIndex(isoDate: IsoDate): number {
  return toUtcNoon(isoDate).getUTCDay();
}

/** Today's date on the wall calendar of a time zone (a salon's, for booking). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The local calendar day of an instant in a time zone. */
export function dateOfInstant(iso: string, timeZone: string): IsoDate {
  return todayIn(timeZone, new Date(iso));
}

/**
 * Every salon is in Saudi Arabia today. Only a fallback where no salon's time zone is at hand (today's
 * date for the search and the stylist's day, the inbox); a booking's times use `booking.salon.timezone`.
 */
export const DEFAULT_TIME_ZONE = "Asia/Riyadh";

/** Minutes the wall clock of `timeZone` is ahead of UTC at an instant (+180 for Riyadh). */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock date and time in a time zone (a salon's) as an ISO 8601 instant with that zone's
 * offset: ("2026-11-22", "10:30", "Asia/Riyadh") → "2026-11-22T10:30:00+03:00".
 */
export function zonedDateTimeToIso(date: IsoDate, time: string, timeZone: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset at the wall time read as UTC, then at the instant it gives (right across a DST change).
  let offset = zoneOffsetMinutes(wall, timeZone);
  offset = zoneOffsetMinutes(wall - offset * 60_000, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const absolute = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date}T${pad(hours)}:${pad(minutes)}:00${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** The wall-clock "YYYY-MM-DDTHH:MM" of an instant in a time zone (the value of a datetime-local input). */
export function instantToZonedInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const shifted = new Date(instant + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
