import type { Language } from "@/lib/i18n";

import { numberFormat } from "./intl-cache";

const LOCALE: Record<Language, string> = { ar: "ar-SA", en: "en-SA" };

/** Plain numbers (ratings, counts) with the UI language's digits. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return numberFormat(LOCALE[language], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
