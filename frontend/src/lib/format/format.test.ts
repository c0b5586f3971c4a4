import { describe, expect, test } from "vitest";

import { formatCalendarDate, formatCalendarRange, formatDate, formatHijriDate, formatHijriRange } from "./date";
import { formatMoney, halalasToDecimal, parseRiyals } from "./money";
import { formatCompactNumber, formatPercent, formatSignedNumber } from "./number";
import { dayPeriodOf, formatClockTime, formatCountdown, formatTime } from "./time";

const RLM = "\u200f";
const NBSP = "\u00a0";

describe("money", () => {
  test("halalas are written as exact decimals", () => {
    expect(halalasToDecimal(18000)).toBe("180.00");
    expect(halalasToDecimal(2348)).toBe("23.48");
    expect(halalasToDecimal(5)).toBe("0.05");
    expect(halalasToDecimal(-150)).toBe("-1.50");
  });

  test("SAR in Arabic uses Arabic-Indic digits and the riyal abbreviation", () => {
    expect(formatMoney(18000, "SAR", "ar")).toBe(`${RLM}١٨٠٫٠٠${NBSP}ر.س.${RLM}`);
    expect(formatMoney(123450, "SAR", "ar")).toBe(`${RLM}١٬٢٣٤٫٥٠${NBSP}ر.س.${RLM}`);
  });

  test("menus drop the decimals of whole riyals only", () => {
    expect(formatMoney(18000, "SAR", "ar", { wholeWithoutDecimals: true })).toBe(`${RLM}١٨٠${NBSP}ر.س.${RLM}`);
    expect(formatMoney(18050, "SAR", "en", { wholeWithoutDecimals: true })).toBe(`SAR${NBSP}180.50`);
  });

  test("a statement's amounts carry their sign, zero none", () => {
    expect(formatMoney(15000, "SAR", "en", { signed: true })).toBe(`+SAR${NBSP}150.00`);
    expect(formatMoney(-1500, "SAR", "en", { signed: true })).toBe(`-SAR${NBSP}15.00`);
    expect(formatMoney(0, "SAR", "en", { signed: true })).toBe(`SAR${NBSP}0.00`);
    expect(formatMoney(-1500, "SAR", "ar", { signed: true })).toBe(`\u061c-${RLM}١٥٫٠٠${NBSP}ر.س.${RLM}`);
  });

  test("SAR in English", () => {
    expect(formatMoney(2348, "SAR", "en")).toBe(`SAR${NBSP}23.48`);
    expect(formatMoney(123450, "SAR", "en")).toBe(`SAR${NBSP}1,234.50`);
  });

  test("riyals typed by a manager become exact halalas", () => {
    expect(parseRiyals("180")).toBe(18000);
    expect(parseRiyals(" 180.5 ")).toBe(18050);
    expect(parseRiyals("0.05")).toBe(5);
    expect(parseRiyals("١٨٠٫٧٥")).toBe(18075);
    expect(parseRiyals("19.99")).toBe(1999);
    for (const bad of ["", "1.234", "-5", "1,000", "abc", "1e3", "."]) expect(parseRiyals(bad)).toBeNull();
  });
});

describe("dates", () => {
  const lastYear = { now: new Date("2025-06-01T09:00:00Z") };

  test("Gregorian with Arabic month names, whatever the browser's default calendar", () => {
    expect(formatCalendarDate("2026-11-24", "ar", "full", lastYear)).toBe("الثلاثاء، ٢٤ نوفمبر ٢٠٢٦");
    expect(formatCalendarDate("2026-11-24", "en", "full", lastYear)).toBe("Tuesday, November 24, 2026");
  });

  test("a day of this year (in the salon's time zone) is written without its year", () => {
    const now = new Date("2026-11-22T09:00:00Z");
    expect(formatCalendarDate("2026-11-24", "ar", "full", { now })).toBe("الثلاثاء، ٢٤ نوفمبر");
    expect(formatCalendarDate("2026-11-24", "en", "long", { now })).toBe("November 24");
    expect(formatCalendarDate("2026-11-24", "en", "monthYear", { now })).toBe("November 2026");
    // 22:00 UTC on 31 December is already the new year in Riyadh.
    const newYearInRiyadh = { now: new Date("2026-12-31T22:00:00Z"), timeZone: "Asia/Riyadh" };
    expect(formatCalendarDate("2026-12-30", "en", "long", newYearInRiyadh)).toBe("December 30, 2026");
  });

  test("the Hijri (Umm al-Qura) date of the same day", () => {
    expect(formatHijriDate("2026-11-24", "ar", "long")).toBe("١٤ جمادى الآخرة ١٤٤٨ هـ");
    expect(formatHijriDate("2026-11-24", "ar", "day")).toBe("١٤");
    expect(formatHijriDate("2026-11-24", "en", "long")).toBe("Jumada II 14, 1448 AH");
  });

  test("the date strip's two weeks as one range", () => {
    expect(formatCalendarRange("2026-11-15", "2026-11-28", "ar")).toBe("١٥–٢٨ نوفمبر ٢٠٢٦");
    expect(formatCalendarRange("2026-11-29", "2026-12-12", "ar")).toBe("٢٩ نوفمبر – ١٢ ديسمبر ٢٠٢٦");
    expect(formatCalendarRange("2026-11-15", "2026-11-28", "en")).toBe("November 15\u2009–\u200928, 2026");
  });

  test("a period in the Hijri calendar, beside the Gregorian one (reports)", () => {
    expect(formatHijriRange("2026-11-01", "2026-11-30", "ar")).toBe("٢١ جمادى الأولى – ٢٠ جمادى الآخرة ١٤٤٨ هـ");
    expect(formatHijriRange("2026-11-22", "2026-11-28", "ar")).toBe("١٢–١٨ جمادى الآخرة ١٤٤٨ هـ");
    expect(formatHijriRange("2026-11-22", "2026-11-22", "ar")).toBe("١٢ جمادى الآخرة ١٤٤٨ هـ");
    // Across the Hijri new year (1 Muharram 1448 is 16 June 2026).
    const spaced = (text: string) => text.replace(/\s/g, " ");
    expect(spaced(formatHijriRange("2026-06-01", "2026-06-30", "en"))).toBe(
      "Dhuʻl-Hijjah 15, 1447 – Muharram 15, 1448 AH",
    );
    expect(spaced(formatHijriRange("2026-11-01", "2026-11-30", "en"))).toBe("Jumada I 21 – Jumada II 20, 1448 AH");
  });

  test("an instant is dated on the salon's calendar, not the browser's", () => {
    // 23:30 UTC on the 23rd is already the 24th in Riyadh.
    expect(formatDate("2026-11-23T23:30:00Z", "en", "Asia/Riyadh", "long", lastYear.now)).toBe("November 24, 2026");
  });
});

describe("numbers", () => {
  test("percentages and signed changes with the language's digits", () => {
    expect(formatPercent(0.457, "ar", { fractionDigits: 1 })).toBe("٤٥٫٧٪؜");
    expect(formatPercent(0.457, "en")).toBe("46%");
    expect(formatPercent(-0.12, "ar", { signed: true })).toBe("؜-١٢٪؜");
    expect(formatPercent(0.12, "en", { signed: true })).toBe("+12%");
    expect(formatPercent(0, "en", { signed: true })).toBe("0%");
    expect(formatSignedNumber(0.2, "ar", 1)).toBe("؜+٠٫٢");
    expect(formatCompactNumber(12500, "ar").replace(/\s/g, " ")).toBe("١٢٫٥ ألف");
    expect(formatCompactNumber(12500, "en")).toBe("12.5K");
  });
});

describe("times", () => {
  test("12-hour clock with ص/م in Arabic and AM/PM in English, in the salon's time zone", () => {
    expect(formatTime("2026-11-24T10:00:00+03:00", "ar", "Asia/Riyadh")).toBe("١٠:٠٠ ص");
    expect(formatTime("2026-11-24T13:30:00+03:00", "ar", "Asia/Riyadh")).toBe("١:٣٠ م");
    expect(formatTime("2026-11-24T10:30:00Z", "en", "Asia/Riyadh")).toBe("1:30 PM");
  });

  test("opening hours given as wall-clock times", () => {
    expect(formatClockTime("09:00", "ar")).toBe("٩:٠٠ ص");
    expect(formatClockTime("23:00", "en")).toBe("11:00 PM");
  });

  test("slots fall into morning, afternoon and evening by local hour", () => {
    expect(dayPeriodOf("2026-11-24T11:45:00+03:00", "Asia/Riyadh")).toBe("morning");
    expect(dayPeriodOf("2026-11-24T12:00:00+03:00", "Asia/Riyadh")).toBe("afternoon");
    expect(dayPeriodOf("2026-11-24T17:00:00+03:00", "Asia/Riyadh")).toBe("evening");
    expect(dayPeriodOf("2026-11-24T06:00:00Z", "Asia/Riyadh")).toBe("morning");
  });

  test("countdowns", () => {
    expect(formatCountdown(42, "ar")).toBe("٠:٤٢");
    expect(formatCountdown(605, "en")).toBe("10:05");
    expect(formatCountdown(3661, "en")).toBe("1:01:01");
    expect(formatCountdown(-3, "en")).toBe("0:00");
  });
});
