import type { Language } from "@/lib/i18n";

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
 * drops ".00" from whole riyals (menus and lists); totals and VAT keep both decimals.
 */
export function formatMoney(
  halalas: number,
  currency: string,
  language: Language,
  { wholeWithoutDecimals = false }: { wholeWithoutDecimals?: boolean } = {},
): string {
  const format = numberFormat(LOCALE[language], {
    style: "currency",
    currency,
    ...(wholeWithoutDecimals ? { trailingZeroDisplay: "stripIfInteger" } : {}),
  });
  // Intl accepts decimal strings and formats them exactly.
  return format.format(halalasToDecimal(halalas) as Intl.StringNumericLiteral);
}
