import type { Language } from "@/lib/i18n";

import { normalizeSpaces } from "./date";
import { dateFormat } from "./intl-cache";

const TIME_LOCALE: Record<Language, string> = { ar: "ar-SA-u-ca-gregory", en: "en-SA-u-ca-gregory" };

/** 12-hour clock time in the salon's time zone: "١٠:٣٠ ص" in Arabic, "10:30 AM" in English. */
export function formatTime(iso: string, language: Language, timeZone: string): string {
  return normalizeSpaces(
    dateFormat(TIME_LOCALE[language], { hour: "numeric", minute: "2-digit", hour12: true, timeZone }).format(
      new Date(iso),
    ),
  );
}

/** "١٠:٣٠ ص – ١١:١٥ ص" */
export function formatTimeRange(startIso: string, endIso: string, language: Language, timeZone: string): string {
  return `${formatTime(startIso, language, timeZone)} – ${formatTime(endIso, language, timeZone)}`;
}

/** The wall-clock hour (0–23) of an instant in a time zone. */
export function localHour(iso: string, timeZone: string): number {
  const parts = dateFormat("en-US-u-nu-latn", { hour: "numeric", hourCycle: "h23", timeZone }).formatToParts(
    new Date(iso),
  );
  return Number(parts.find((part) => part.type === "hour")?.value ?? 0);
}

export type DayPeriod = "morning" | "afternoon" | "evening";

/** Morning before noon, afternoon until 5 pm, evening after. */
export function dayPeriodOf(iso: string, timeZone: string): DayPeriod {
  const hour = localHour(iso, timeZone);
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

/** A countdown as m:ss (or h:mm:ss), with the UI language's digits. */
export function formatCountdown(totalSeconds: number, language: Language): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const locale = language === "ar" ? "ar-SA" : "en-SA";
  const two = (n: number) => n.toLocaleString(locale, { minimumIntegerDigits: 2 });
  const one = (n: number) => n.toLocaleString(locale);
  return hours > 0 ? `${one(hours)}:${two(minutes)}:${two(rest)}` : `${one(minutes)}:${two(rest)}`;
}

/** A wall-clock time "HH:MM" (opening hours) in the UI language, 12-hour. */
export function formatClockTime(hhmm: string, language: Language): string {
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);
  return normalizeSpaces(
    dateFormat(TIME_LOCALE[language], {
      hour: "numeric",
      minute: "2-digit",
      hour12: true,
      timeZone: "UTC",
    }).format(new Date(Date.UTC(2000, 0, 1, hours, minutes))),
  );
}

/** A whole hour of the day (0–23) as a short 12-hour label: "٩ ص", "9 PM" (the heat map's columns). */
export function formatHour(hour: number, language: Language): string {
  return normalizeSpaces(
    dateFormat(TIME_LOCALE[language], { hour: "numeric", hour12: true, timeZone: "UTC" }).format(
      new Date(Date.UTC(2000, 0, 1, hour)),
    ),
  );
}
