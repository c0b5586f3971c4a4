import type { Language } from "@/lib/i18n";

/** The name in the UI language when there is one (`name_en` may be empty): Arabic otherwise. */
export function localizedName(item: { name_ar: string; name_en?: string }, language: Language): string {
  return language === "en" && item.name_en ? item.name_en : item.name_ar;
}
