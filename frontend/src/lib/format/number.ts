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

/**
 * A ratio (0.457) as a percentage with the UI language's digits and sign: "٤٥٫٧٪" in Arabic, "45.7%" in
 * English; `signed` writes "+" for a rise (a change).
 */
export function formatPercent(
  ratio: number,
  language: Language,
  { fractionDigits = 0, signed = false }: { fractionDigits?: number; signed?: boolean } = {},
): string {
  return numberFormat(LOCALE[language], {
    style: "percent",
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  }).format(ratio);
}

/** A number with its sign when it is not zero ("+٠٫٢"), for changes. */
export function formatSignedNumber(value: number, language: Language, fractionDigits = 0): string {
  return numberFormat(LOCALE[language], {
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
    signDisplay: "exceptZero",
  }).format(value);
}

/** A large number, short: "١٢٫٥ ألف", "12.5K" (chart axes). */
export function formatCompactNumber(value: number, language: Language): string {
  return numberFormat(LOCALE[language], { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
