import { describe, expect, test } from "vitest";

import type { Language } from "@/lib/i18n";

import { formatCalendarDate, formatDateTime } from "./date";
import examples from "./examples.json";
import { formatMoney } from "./money";
import { formatNumber, formatPercent } from "./number";
import { formatTime } from "./time";

// The same table is checked by the backend (apps/core/tests/test_formatting.py): SMS, invoices and
// screens write numbers, money and dates alike.
const LANGUAGES: Language[] = ["ar", "en"];
const now = new Date(examples.now);
const timeZone = examples.timeZone;

describe("the examples both sides write alike", () => {
  test.each(examples.money)("money $halalas", (example) => {
    for (const language of LANGUAGES) expect(formatMoney(example.halalas, "SAR", language)).toBe(example[language]);
  });

  test.each(examples.numbers)("number $value", (example) => {
    for (const language of LANGUAGES) {
      expect(formatNumber(Number(example.value), language, example.fractionDigits)).toBe(example[language]);
    }
  });

  test.each(examples.percents)("percent $percent", (example) => {
    for (const language of LANGUAGES) {
      const ratio = Number(example.percent) / 100;
      expect(formatPercent(ratio, language, { fractionDigits: example.maxFractionDigits })).toBe(example[language]);
    }
  });

  test.each(examples.dates)("date $date (weekday: $weekday), the year only when not this one", (example) => {
    for (const language of LANGUAGES) {
      const style = example.weekday ? "full" : "long";
      expect(formatCalendarDate(example.date, language, style, { timeZone, now })).toBe(example[language]);
    }
  });

  test.each(examples.times)("time $instant", (example) => {
    for (const language of LANGUAGES) expect(formatTime(example.instant, language, timeZone)).toBe(example[language]);
  });

  test.each(examples.datetimes)("date and time $instant (weekday: $weekday)", (example) => {
    for (const language of LANGUAGES) {
      expect(formatDateTime(example.instant, language, timeZone, { weekday: example.weekday, now })).toBe(
        example[language],
      );
    }
  });
});
