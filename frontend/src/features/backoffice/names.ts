import type { Language } from "@/lib/i18n";

/** The name in the UI language when there is one (`name_en` may be empty): Arabic otherwise. */
export function localizedName(item: { name_ar: string; name_en?: string }, language: Language): string {
  return language === "en" && item.name_en ? item.name_en : item.name_ar;
}

/** A stylist's name in the UI language: `display_name` is the Arabic one, `display_name_en` may be empty. */
export function staffName(member: { display_name: string; display_name_en?: string }, language: Language): string {
  return language === "en" && member.display_name_en ? member.display_name_en : member.display_name;
}
