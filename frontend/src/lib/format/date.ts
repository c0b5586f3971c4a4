import { DEFAULT_TIME_ZONE, type IsoDate, toUtcNoon } from "@/lib/calendar-date";
import type { Language } from "@/lib/i18n";

import { dateFormat } from "./intl-cache";

// Always name the calendar: older browsers default ar-SA to the Hijri calendar.
const GREGORIAN_LOCALE: Record<Language, string> = { ar: "ar-SA-u-ca-gregory", en: "en-SA-u-ca-gregory" };
const HIJRI_LOCALE: Record<Language, string> = {
  ar: "ar-SA-u-ca-islamic-umalqura",
  en: "en-SA-u-ca-islamic-umalqura",
};

export type DateStyle =
  "full" | "long" | "document" | "short" | "weekday" | "weekdayLong" | "narrow" | "day" | "dayMonth" | "monthYear";

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  full: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
  // A document (an invoice) is kept after its year ends: always with the year.
  document: { day: "numeric", month: "long", year: "numeric" },
  short: { weekday: "short", day: "numeric", month: "short" },
  weekday: { weekday: "short" },
  weekdayLong: { weekday: "long" },
  narrow: { weekday: "narrow" },
  day: { day: "numeric" },
  dayMonth: { day: "numeric", month: "long" },
  monthYear: { month: "long", year: "numeric" },
};

// The styles that name a day drop its year when it is this year (in the salon's time zone), as the
// backend's messages do ("Thursday, December 10"; "Tuesday, January 5, 2027"): see docs/frontend.md.
const YEAR_WHEN_NOT_THIS_ONE: ReadonlySet<DateStyle> = new Set(["full", "long"]);

/** The Gregorian year of an instant on the wall calendar of `timeZone`, e.g. "2026". */
function yearIn(timeZone: string, instant: Date): string {
  return dateFormat("en-US-u-ca-gregory-nu-latn", { year: "numeric", timeZone }).format(instant);
}

function styleFor(style: DateStyle, year: string, timeZone: string, now: Date): Intl.DateTimeFormatOptions {
  const options = STYLES[style];
  if (!YEAR_WHEN_NOT_THIS_ONE.has(style) || year !== yearIn(timeZone, now)) return options;
  return { ...options, year: undefined };
}

/** An instant's Gregorian date on the wall calendar of `timeZone` (the salon's). */
export function formatDate(
  iso: string,
  language: Language,
  timeZone: string,
  style: DateStyle = "full",
  now: Date = new Date(),
): string {
  const year = yearIn(timeZone, new Date(iso));
  return dateFormat(GREGORIAN_LOCALE[language], { ...styleFor(style, year, timeZone, now), timeZone }).format(
    new Date(iso),
  );
}

/** A calendar day (YYYY-MM-DD) in the Gregorian calendar; "this year" is the salon's (`timeZone`). */
export function formatCalendarDate(
  date: IsoDate,
  language: Language,
  style: DateStyle = "full",
  { timeZone = DEFAULT_TIME_ZONE, now = new Date() }: { timeZone?: string; now?: Date } = {},
): string {
  return dateFormat(GREGORIAN_LOCALE[language], {
    ...styleFor(style, date.slice(0, 4), timeZone, now),
    timeZone: "UTC",
  }).format(toUtcNoon(date));
}

/** The same calendar day in the Umm al-Qura (Hijri) calendar, shown beside the Gregorian one. */
export function formatHijriDate(date: IsoDate, language: Language, style: DateStyle = "long"): string {
  return dateFormat(HIJRI_LOCALE[language], { ...STYLES[style], timeZone: "UTC" }).format(toUtcNoon(date));
}

/**
 * An instant's day and time in `timeZone`, as the backend's messages write it: "١٠ ديسمبر في ٤:٣٠ م",
 * "December 10 at 4:30 PM" (`weekday`: "Thursday, December 10 at 4:30 PM"); the year when not this one.
 */
export function formatDateTime(
  iso: string,
  language: Language,
  timeZone: string,
  { weekday = false, now = new Date() }: { weekday?: boolean; now?: Date } = {},
): string {
  const thisYear = yearIn(timeZone, new Date(iso)) === yearIn(timeZone, now);
  return normalizeSpaces(
    dateFormat(GREGORIAN_LOCALE[language], {
      ...(weekday ? { weekday: "long" } : {}),
      day: "numeric",
      month: "long",
      ...(thisYear ? {} : { year: "numeric" }),
      hour: "numeric",
      minute: "2-digit",
      hour12: true,
      timeZone,
    }).format(new Date(iso)),
  );
}

/** Newer ICU puts a narrow no-break space before AM/PM: write a plain one, as the backend does. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\u202f/g, " ");
}

/** Two calendar days as one range: "١٥–٢٨ نوفمبر ٢٠٢٦", "November 15 – 28, 2026". */
export function formatCalendarRange(from: IsoDate, to: IsoDate, language: Language): string {
  return dateFormat(GREGORIAN_LOCALE[language], { ...STYLES.long, timeZone: "UTC" }).formatRange(
    toUtcNoon(from),
    toUtcNoon(to),
  );
}

/** The same two days in the Umm al-Qura (Hijri) calendar: "٢١ جمادى الأولى – ٢٠ جمادى الآخرة ١٤٤٨ هـ". */
export function formatHijriRange(from: IsoDate, to: IsoDate, language: Language): string {
  return dateFormat(HIJRI_LOCALE[language], { ...STYLES.long, timeZone: "UTC" }).formatRange(
    toUtcNoon(from),
    toUtcNoon(to),
  );
}
