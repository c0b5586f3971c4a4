import { addDays, type IsoDate } from "@/lib/calendar-date";
import type { Audience, City, ServiceCategory } from "@/types/models";

import type { SalonFilters, SalonOrdering } from "./api/list-salons";
import {
  DEFAULT_RADIUS_KM,
  isAudience,
  isCategorySlug,
  isCity,
  MAX_PRICE_SAR,
  MIN_RATINGS,
  RADII_KM,
} from "./catalog-options";

export type AvailableDay = "today" | "tomorrow";
/** How the results are sorted: relevance needs words (`q`), distance a location (`near`). */
export type SalonSort = "relevance" | "rating" | "price" | "distance";
export type ResultsView = "list" | "map";

/** A point in decimal degrees, rounded to 3 decimals (about 100 m) before it goes anywhere. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface SearchCriteria {
  q: string;
  city: City | null;
  /** A district's name as the suggestions give it (either language). */
  district: string | null;
  /** A service category's slug. */
  category: string | null;
  audience: Audience | null;
  minRating: number | null;
  /** Whole riyals (the API takes halalas). */
  minPrice: number | null;
  maxPrice: number | null;
  openNow: boolean;
  /** Only salons with a free time that day (the salon's calendar). */
  day: AvailableDay | null;
  near: GeoPoint | null;
  /** With `near`; null is the default radius (10 km). */
  radiusKm: number | null;
  /** Null: the API's default (relevance with words, distance near me, else the best rated first). */
  sort: SalonSort | null;
  view: ResultsView;
}

export const EMPTY_CRITERIA: SearchCriteria = {
  q: "",
  city: null,
  district: null,
  category: null,
  audience: null,
  minRating: null,
  minPrice: null,
  maxPrice: null,
  openNow: false,
  day: null,
  near: null,
  radiusKm: null,
  sort: null,
  view: "list",
};

const DISTRICT_MAX_LENGTH = 80;
const WHOLE_NUMBER = /^\d{1,7}$/;
const COORDINATES = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;
const SORTS: readonly SalonSort[] = ["relevance", "rating", "price", "distance"];

/** Degrees rounded to 3 decimals: about 100 m, enough to sort salons, not enough to find a home. */
export function roundCoordinate(degrees: number): number {
  return Math.round(degrees * 1000) / 1000;
}

export function roundPoint(point: GeoPoint): GeoPoint {
  return { lat: roundCoordinate(point.lat), lng: roundCoordinate(point.lng) };
}

function parseNear(value: string | null): GeoPoint | null {
  const match = value === null ? null : COORDINATES.exec(value);
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return roundPoint({ lat, lng });
}

function parsePrice(value: string | null): number | null {
  if (value === null || !WHOLE_NUMBER.test(value)) return null;
  const riyals = Number(value);
  return riyals <= MAX_PRICE_SAR ? riyals : null;
}

function parseChoice(value: string | null, choices: readonly number[]): number | null {
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return choices.includes(number) ? number : null;
}

function parseDay(params: URLSearchParams): AvailableDay | null {
  const day = params.get("day");
  if (day === "today" || day === "tomorrow") return day;
  // The links of before (`?today=1`) keep working.
  return params.get("today") === "1" ? "today" : null;
}

/** The sort the API applies when none is chosen. */
export function defaultSort(criteria: Pick<SearchCriteria, "q" | "near">): SalonSort {
  if (criteria.q.trim()) return "relevance";
  if (criteria.near) return "distance";
  return "rating";
}

/** The sorts that make sense for these criteria, the default first. */
export function sortChoices(criteria: Pick<SearchCriteria, "q" | "near">): SalonSort[] {
  return SORTS.filter(
    (sort) => (sort !== "relevance" || criteria.q.trim() !== "") && (sort !== "distance" || criteria.near !== null),
  );
}

/**
 * The home page's search lives in the URL: ?q=&city=&district=&category=&audience=&min_rating=
 * &min_price=&max_price= (whole riyals) &open_now=true &day=today|tomorrow (`today=1` from older
 * links) &near=lat,lng &radius= (km) &sort=relevance|rating|price|distance &view=map. An invalid
 * value is ignored and the others are kept. Once the `categories` are known, a category slug that is
 * none of them (one no salon offers any more, an old link) is ignored too: the filter shows "all
 * services" and the results are not limited by it.
 */
export function criteriaFromParams(params: URLSearchParams, categories?: readonly ServiceCategory[]): SearchCriteria {
  const q = params.get("q") ?? "";
  const city = params.get("city");
  const district = params.get("district")?.trim() ?? "";
  const category = params.get("category");
  const audience = params.get("audience");
  const knownCategory =
    isCategorySlug(category) && (categories === undefined || categories.some(({ slug }) => slug === category));
  const minPrice = parsePrice(params.get("min_price"));
  let maxPrice = parsePrice(params.get("max_price"));
  if (minPrice !== null && maxPrice !== null && maxPrice < minPrice) maxPrice = null;
  const near = parseNear(params.get("near"));
  const sort = params.get("sort");
  const criteria: SearchCriteria = {
    q,
    city: isCity(city) ? city : null,
    district: district && district.length <= DISTRICT_MAX_LENGTH ? district : null,
    category: knownCategory ? category : null,
    audience: isAudience(audience) ? audience : null,
    minRating: parseChoice(params.get("min_rating"), MIN_RATINGS),
    minPrice,
    maxPrice,
    openNow: params.get("open_now") === "true",
    day: parseDay(params),
    near,
    radiusKm: near ? parseChoice(params.get("radius"), RADII_KM) : null,
    sort: null,
    view: params.get("view") === "map" ? "map" : "list",
  };
  if (criteria.radiusKm === DEFAULT_RADIUS_KM) criteria.radiusKm = null;
  const chosen = sortChoices(criteria).find((choice) => choice === sort);
  criteria.sort = chosen && chosen !== defaultSort(criteria) ? chosen : null;
  return criteria;
}

export function criteriaToParams(criteria: SearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  if (criteria.q) params.set("q", criteria.q);
  if (criteria.city) params.set("city", criteria.city);
  if (criteria.district) params.set("district", criteria.district);
  if (criteria.category) params.set("category", criteria.category);
  if (criteria.audience) params.set("audience", criteria.audience);
  if (criteria.minRating !== null) params.set("min_rating", String(criteria.minRating));
  if (criteria.minPrice !== null) params.set("min_price", String(criteria.minPrice));
  if (criteria.maxPrice !== null) params.set("max_price", String(criteria.maxPrice));
  if (criteria.openNow) params.set("open_now", "true");
  if (criteria.day) params.set("day", criteria.day);
  if (criteria.near) {
    const { lat, lng } = roundPoint(criteria.near);
    params.set("near", `${lat},${lng}`);
    if (criteria.radiusKm !== null && criteria.radiusKm !== DEFAULT_RADIUS_KM) {
      params.set("radius", String(criteria.radiusKm));
    }
  }
  if (criteria.sort && sortChoices(criteria).includes(criteria.sort) && criteria.sort !== defaultSort(criteria)) {
    params.set("sort", criteria.sort);
  }
  if (criteria.view === "map") params.set("view", "map");
  return params;
}

/** Choosing a city: the city replaces "near me" (and its distance sort) and any district of another city. */
export function withCity(criteria: SearchCriteria, city: City | null): SearchCriteria {
  return {
    ...criteria,
    city,
    district: city === criteria.city ? criteria.district : null,
    near: null,
    radiusKm: null,
    sort: criteria.sort === "distance" ? null : criteria.sort,
  };
}

/** "Near me": the location replaces the city and district; the nearest come first. */
export function withNear(criteria: SearchCriteria, near: GeoPoint | null): SearchCriteria {
  return {
    ...criteria,
    near: near ? roundPoint(near) : null,
    radiusKm: near ? criteria.radiusKm : null,
    city: near ? null : criteria.city,
    district: near ? null : criteria.district,
    sort: near ? null : criteria.sort === "distance" ? null : criteria.sort,
  };
}

const ORDERING: Record<SalonSort, SalonOrdering> = {
  relevance: "relevance",
  rating: "-rating",
  price: "price",
  distance: "distance",
};

/** What the salon list is asked for; `today` is today's date on the salons' calendar. */
export function filtersFromCriteria(criteria: SearchCriteria, today: IsoDate): SalonFilters {
  const filters: SalonFilters = {};
  const q = criteria.q.trim();
  if (q) filters.q = q;
  if (criteria.city) filters.city = criteria.city;
  if (criteria.district) filters.district = criteria.district;
  if (criteria.category) filters.category = criteria.category;
  if (criteria.audience) filters.audience = criteria.audience;
  if (criteria.minRating !== null) filters.minRating = criteria.minRating;
  if (criteria.minPrice !== null) filters.minPrice = criteria.minPrice * 100;
  if (criteria.maxPrice !== null) filters.maxPrice = criteria.maxPrice * 100;
  if (criteria.openNow) filters.openNow = true;
  if (criteria.day) filters.availableOn = criteria.day === "today" ? today : addDays(today, 1);
  if (criteria.near) {
    filters.near = roundPoint(criteria.near);
    if (criteria.radiusKm !== null) filters.radiusKm = criteria.radiusKm;
  }
  if (criteria.sort && sortChoices(criteria).includes(criteria.sort)) filters.ordering = ORDERING[criteria.sort];
  return filters;
}
