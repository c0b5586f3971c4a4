import type { SearchCriteria } from "./components/SalonSearch";
import { isAudience, isCategory, isCity } from "./catalog-options";

/** The home page's search lives in the URL (?q=&city=&category=&audience=&today=1). */
export function criteriaFromParams(params: URLSearchParams): SearchCriteria {
  const city = params.get("city");
  const category = params.get("category");
  const audience = params.get("audience");
  return {
    q: params.get("q") ?? "",
    city: isCity(city) ? city : null,
    category: isCategory(category) ? category : null,
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
