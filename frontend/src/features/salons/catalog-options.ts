import type { Audience, City } from "@/types/models";

// Every city of the catalog (a fixed list in the API; their names are translated in `salons`), to read the
// address; the search offers only those with salons (`api/list-cities.ts`). Service
// categories are not listed here: operators manage them, see `api/list-categories.ts`.
export const CITIES: readonly City[] = ["riyadh", "jeddah", "dammam", "khobar", "makkah", "madinah"];
export const AUDIENCES: readonly Audience[] = ["women", "men"];

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
