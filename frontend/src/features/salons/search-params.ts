import type { ServiceCategory } from "@/types/models";

import type { SearchCriteria } from "./components/SalonSearch";
import { isAudience, isCategorySlug, isCity } from "./catalog-options";

/**
 * The home page's search lives in the URL (?q=&city=&category=&audience=&today=1). An invalid value
 * is ignored and the others are kept. Once the `categories` are known, a category slug that is none
 * of them (one no salon offers any more, an old link) is ignored too: the filter shows "all
 * services" and the results are not limited by it.
 */
export function criteriaFromParams(params: URLSearchParams, categories?: readonly ServiceCategory[]): SearchCriteria {
  const city = params.get("city");
  const category = params.get("category");
  const audience = params.get("audience");
  const knownCategory =
    isCategorySlug(category) && (categories === undefined || categories.some(({ slug }) => slug === category));
  return {
    q: params.get("q") ?? "",
    city: isCity(city) ? city : null,
    category: knownCategory ? category : null,
    audience: isAudience(audience) ? audience : null,
    availableToday: params.get("today") === "1",
  };
}

export function criteriaToParams(criteria: SearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  if (criteria.q) params.set("q", criteria.q);
  if (criteria.city) params.set("city", criteria.city);
  if (criteria.category) params.set("category", criteria.category);
  if (criteria.audience) params.set("audience", criteria.audience);
  if (criteria.availableToday) params.set("today", "1");
  return params;
}
