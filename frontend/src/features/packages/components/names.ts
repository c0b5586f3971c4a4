import type { Language } from "@/lib/i18n";

/** A name given in both languages, in the reader's (the Arabic one when the English one is empty). */
export function localName(language: Language, ar: string, en: string | undefined): string {
  return language === "en" && en ? en : ar;
}
