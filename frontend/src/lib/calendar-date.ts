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
