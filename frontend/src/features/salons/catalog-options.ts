import type { Audience, City } from "@/types/models";

// Every city of the catalog (a fixed list in the API; their names are translated in `salons`), to read the
// address; the search offers only those with salons (`api/list-cities.ts`). Service
// categories are not listed here: operators manage them, see `api/list-categories.ts`.
export const CITIES: readonly City[] = ["riyadh", "jeddah", "dammam", "khobar", "makkah", "madinah"];
export const AUDIENCES: readonly Audience[] = ["women", "men"];

/** The lowest ratings the search offers ("4 and up"). */
export const MIN_RATINGS: readonly number[] = [3, 3.5, 4, 4.5];
/** Near me: the radii offered, in km; the API's default is 10. */
export const RADII_KM: readonly number[] = [2, 5, 10, 25, 50];
export const DEFAULT_RADIUS_KM = 10;
/** The highest price the API takes (10,000,000 halalas), in riyals. */
export const MAX_PRICE_SAR = 100_000;

// What the API takes as a category: a slug (letters, digits, "-" and "_") of at most 40 characters.
const CATEGORY_SLUG = /^[-\w]{1,40}$/;

export function isCity(value: string | null): value is City {
  return value !== null && (CITIES as readonly string[]).includes(value);
}

/** Whether the value has the shape of a category slug (not whether that category exists). */
export function isCategorySlug(value: string | null): value is string {
  return value !== null && CATEGORY_SLUG.test(value);
}

export function isAudience(value: string | null): value is Audience {
  return value !== null && (AUDIENCES as readonly string[]).includes(value);
}
