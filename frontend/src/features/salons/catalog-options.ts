import type { Audience, City } from "@/types/api";

// The cities and service categories of the catalog (their names are translated in `salons`).
export const CITIES: readonly City[] = ["riyadh", "jeddah", "dammam", "khobar", "makkah", "madinah"];
export const CATEGORIES = [
  "hair",
  "nails",
  "makeup",
  "skin-care",
  "spa",
  "barber",
  "bridal",
  "henna",
  "waxing",
] as const;
export type CategorySlug = (typeof CATEGORIES)[number];
export const AUDIENCES: readonly Audience[] = ["women", "men"];

export function isCity(value: string | null): value is City {
  return value !== null && (CITIES as readonly string[]).includes(value);
}

export function isCategory(value: string | null): value is CategorySlug {
  return value !== null && (CATEGORIES as readonly string[]).includes(value);
}

export function isAudience(value: string | null): value is Audience {
  return value !== null && (AUDIENCES as readonly string[]).includes(value);
}
