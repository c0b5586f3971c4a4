import type { Language } from "@/lib/i18n";
import { toLatinDigits } from "@/lib/phone";

import { numberFormat } from "./intl-cache";

const LOCALE: Record<Language, string> = { ar: "ar-SA", en: "en-SA" };

/** 18050 → "180.50": exact decimal text, so no float ever touches an amount. */
export function halalasToDecimal(halalas: number): string {
  const sign = halalas < 0 ? "-" : "";
  const absolute = Math.abs(Math.trunc(halalas));
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/**
 * Integer halalas as a price: "‏١٨٠٫٠٠ ر.س.‏" in Arabic, "SAR 180.00" in English. `wholeWithoutDecimals`
 * drops ".00" from whole riyals (menus and lists); totals and VAT keep both decimals. `signed` writes
 * the sign of any amount but zero (a statement's money in and out: "+SAR 150.00", "-SAR 15.00").
 */
export function formatMoney(
  halalas: number,
  currency: string,
  language: Language,
  { wholeWithoutDecimals = false, signed = false }: { wholeWithoutDecimals?: boolean; signed?: boolean } = {},
): string {
  const format = numberFormat(LOCALE[language], {
    style: "currency",
    currency,
    ...(wholeWithoutDecimals ? { trailingZeroDisplay: "stripIfInteger" } : {}),
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  });
  // Intl accepts decimal strings and formats them exactly.
  return format.format(halalasToDecimal(halalas) as Intl.StringNumericLiteral);
}

/**
 * What a manager types as a price in riyals ("180", "180.5", "١٨٠٫٥٠") as integer halalas (18050), or
 * null when it is not an amount with at most two decimals. Parsed as text: no float touches it.
 */
export function parseRiyals(text: string): number | null {
  const value = toLatinDigits(text).trim().replace("٫", ".");
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
