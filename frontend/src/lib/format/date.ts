import { type IsoDate, toUtcNoon } from "@/lib/calendar-date";
import type { Language } from "@/lib/i18n";

import { dateFormat } from "./intl-cache";

// Always name the calendar: older browsers default ar-SA to the Hijri calendar.
const GREGORIAN_LOCALE: Record<Language, string> = { ar: "ar-SA-u-ca-gregory", en: "en-SA-u-ca-gregory" };
const HIJRI_LOCALE: Record<Language, string> = {
  ar: "ar-SA-u-ca-islamic-umalqura",
  en: "en-SA-u-ca-islamic-umalqura",
};

export type DateStyle =
  "full" | "long" | "short" | "weekday" | "weekdayLong" | "narrow" | "day" | "dayMonth" | "monthYear";

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  full: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
  short: { weekday: "short", day: "numeric", month: "short" },
  weekday: { weekday: "short" },
  weekdayLong: { weekday: "long" },
  narrow: { weekday: "narrow" },
  day: { day: "numeric" },
  dayMonth: { day: "numeric", month: "long" },
  monthYear: { month: "long", year: "numeric" },
};

/** An instant's Gregorian date on the wall calendar of `timeZone` (the salon's). */
export function formatDate(iso: string, language: Language, timeZone: string, style: DateStyle = "full"): string {
  return dateFormat(GREGORIAN_LOCALE[language], { ...STYLES[style], timeZone }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) in the Gregorian calendar. */
export function formatCalendarDate(date: IsoDate, language: Language, style: DateStyle = "full"): string {
  return dateFormat(GREGORIAN_LOCALE[language], { ...STYLES[style], timeZone: "UTC" }).format(toUtcNoon(date));
}

/** The same calendar day in the Umm al-Qura (Hijri) calendar, shown beside the Gregorian one. */
export function formatHijriDate(date: IsoDate, language: Language, style: DateStyle = "long"): string {
  return dateFormat(HIJRI_LOCALE[language], { ...STYLES[style], timeZone: "UTC" }).format(toUtcNoon(date));
}

/** Date and time of an instant, e.g. for notifications. */
export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  return dateFormat(GREGORIAN_LOCALE[language], {
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
    timeZone,
  }).format(new Date(iso));
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
