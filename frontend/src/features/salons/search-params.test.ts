import { describe, expect, test } from "vitest";

import type { ServiceCategory } from "@/types/models";

import {
  criteriaFromParams,
  criteriaToParams,
  EMPTY_CRITERIA,
  filtersFromCriteria,
  type SearchCriteria,
  withCity,
  withNear,
} from "./search-params";

const categories: ServiceCategory[] = [
  { id: 1, slug: "hair", name: "شعر" },
  { id: 12, slug: "lashes", name: "رموش" },
];

const criteria = (changes: Partial<SearchCriteria>): SearchCriteria => ({ ...EMPTY_CRITERIA, ...changes });

describe("the search in the URL", () => {
  test("reads every filter and writes it back", () => {
    const params = new URLSearchParams(
      "q=استشوار&city=riyadh&district=العليا&category=lashes&audience=men&min_rating=4.5&min_price=50&max_price=300" +
        "&open_now=true&day=tomorrow&sort=price&view=map",
    );

    const read = criteriaFromParams(params, categories);

    expect(read).toEqual({
      q: "استشوار",
      city: "riyadh",
      district: "العليا",
      category: "lashes",
      audience: "men",
      minRating: 4.5,
      minPrice: 50,
      maxPrice: 300,
      openNow: true,
      day: "tomorrow",
      near: null,
      radiusKm: null,
      sort: "price",
      view: "map",
    });
    expect(criteriaToParams(read).toString()).toBe(params.toString());
  });

  test("near me, its radius and the distance sort make the round trip too", () => {
    const params = new URLSearchParams("near=21.543,39.173&radius=25&sort=rating");

    const read = criteriaFromParams(params);

    expect(read).toMatchObject({ near: { lat: 21.543, lng: 39.173 }, radiusKm: 25, sort: "rating" });
    expect(criteriaToParams(read).toString()).toBe(params.toString());
  });

  test.each<[string, Partial<SearchCriteria>]>([
    ["q=x", { q: "x" }],
    ["city=jeddah", { city: "jeddah" }],
    ["district=%D8%A7%D9%84%D8%B1%D9%88%D8%B6%D8%A9", { district: "الروضة" }],
    ["category=hair", { category: "hair" }],
    ["audience=women", { audience: "women" }],
    ["min_rating=3", { minRating: 3 }],
    ["min_price=100", { minPrice: 100 }],
    ["max_price=0", { maxPrice: 0 }],
    ["open_now=true", { openNow: true }],
    ["day=today", { day: "today" }],
    ["near=24.7%2C46.675", { near: { lat: 24.7, lng: 46.675 } }],
    ["near=24.7%2C46.675&radius=2", { near: { lat: 24.7, lng: 46.675 }, radiusKm: 2 }],
    ["q=x&sort=rating", { q: "x", sort: "rating" }],
    ["near=24.7%2C46.675&sort=price", { near: { lat: 24.7, lng: 46.675 }, sort: "price" }],
    ["view=map", { view: "map" }],
  ])("%s alone makes the round trip", (query, expected) => {
    const read = criteriaFromParams(new URLSearchParams(query), categories);

    expect(read).toEqual(criteria(expected));
    expect(criteriaToParams(read).toString()).toBe(query);
  });

  test("the links of before with today=1 still ask for today's free times", () => {
    const read = criteriaFromParams(new URLSearchParams("today=1&city=riyadh"));

    expect(read).toMatchObject({ day: "today", city: "riyadh" });
    expect(criteriaToParams(read).toString()).toBe("city=riyadh&day=today");
  });

  test("a location is rounded to about 100 m (3 decimals), in the URL and to the API", () => {
    const read = criteriaFromParams(new URLSearchParams("near=21.54321,39.17289"));

    expect(read.near).toEqual({ lat: 21.543, lng: 39.173 });
    expect(criteriaToParams(withNear(EMPTY_CRITERIA, { lat: 21.54321, lng: 39.17289 })).get("near")).toBe(
      "21.543,39.173",
    );
  });

  test("a category the API does not list is ignored once the categories are known; the rest is kept", () => {
    const params = new URLSearchParams("q=حناء&city=jeddah&category=henna&today=1");

    expect(criteriaFromParams(params, categories)).toEqual(
      criteria({ q: "حناء", city: "jeddah", category: null, day: "today" }),
    );
    // Before the categories arrive (or when they cannot be loaded), the link's slug is taken as is.
    expect(criteriaFromParams(params).category).toBe("henna");
    expect(criteriaFromParams(params, []).category).toBeNull();
  });

  test.each(["", "a b", "hair/../x", "<script>", "x".repeat(41)])("an invalid category %j is ignored", (category) => {
    const params = new URLSearchParams({ category, city: "dammam" });

    expect(criteriaFromParams(params)).toMatchObject({ category: null, city: "dammam" });
  });

  test("unknown cities and audiences are ignored", () => {
    expect(criteriaFromParams(new URLSearchParams("city=paris&audience=kids&q=x"))).toEqual(criteria({ q: "x" }));
  });

  test.each([
    ["min_rating", "6"],
    ["min_rating", "4.2"],
    ["min_rating", "abc"],
    ["min_price", "-5"],
    ["min_price", "12.5"],
    ["max_price", "100001"],
    ["max_price", "1e3"],
    ["open_now", "1"],
    ["day", "yesterday"],
    ["near", "91,10"],
    ["near", "21.5"],
    ["near", "abc,def"],
    ["radius", "7"],
    ["sort", "cheapest"],
    ["view", "grid"],
    ["district", "x".repeat(81)],
    ["district", "   "],
  ])("an invalid %s=%j is ignored, the other filters kept", (name, value) => {
    const params = new URLSearchParams({ city: "khobar", [name]: value });

    expect(criteriaFromParams(params)).toEqual(criteria({ city: "khobar" }));
  });

  test("a highest price below the lowest is ignored", () => {
    expect(criteriaFromParams(new URLSearchParams("min_price=300&max_price=100"))).toMatchObject({
      minPrice: 300,
      maxPrice: null,
    });
  });

  test("a radius without a location, relevance without words and distance without a location are ignored", () => {
    expect(criteriaFromParams(new URLSearchParams("radius=25&sort=distance"))).toEqual(EMPTY_CRITERIA);
    expect(criteriaFromParams(new URLSearchParams("sort=relevance"))).toEqual(EMPTY_CRITERIA);
  });

  test("the default sort and radius are not written (the API's defaults)", () => {
    expect(criteriaFromParams(new URLSearchParams("q=x&sort=relevance")).sort).toBeNull();
    expect(criteriaToParams(criteria({ q: "x", sort: "relevance" })).toString()).toBe("q=x");
    expect(criteriaToParams(criteria({ near: { lat: 1, lng: 2 }, radiusKm: 10, sort: "distance" })).toString()).toBe(
      "near=1%2C2",
    );
    expect(criteriaToParams(criteria({ sort: "rating" })).toString()).toBe("");
  });
});

describe("where: near me or a city", () => {
  test("near me replaces the city and the district, and sorts by distance", () => {
    const before = criteria({ city: "riyadh", district: "العليا", sort: "price", q: "قص" });

    expect(withNear(before, { lat: 21.54321, lng: 39.17289 })).toEqual(
      criteria({ q: "قص", near: { lat: 21.543, lng: 39.173 } }),
    );
  });

  test("a city replaces near me and its distance sort; a district of another city goes", () => {
    const near = criteria({ near: { lat: 21.543, lng: 39.173 }, radiusKm: 25, sort: "distance" });

    expect(withCity(near, "jeddah")).toEqual(criteria({ city: "jeddah" }));
    expect(withCity(criteria({ city: "riyadh", district: "العليا" }), "jeddah").district).toBeNull();
    expect(withCity(criteria({ city: "riyadh", district: "العليا" }), "riyadh").district).toBe("العليا");
  });
});

describe("what the salon list is asked for", () => {
  test("every filter in the API's terms: halalas, dates on the salons' calendar, orderings", () => {
    const chosen = criteriaFromParams(
      new URLSearchParams(
        "q=%20قص%20&city=jeddah&district=الروضة&category=hair&audience=women&min_rating=4&min_price=50&max_price=300" +
          "&open_now=true&day=tomorrow&sort=rating",
      ),
    );

    expect(filtersFromCriteria(chosen, "2026-12-31")).toEqual({
      q: "قص",
      city: "jeddah",
      district: "الروضة",
      category: "hair",
      audience: "women",
      minRating: 4,
      minPrice: 5000,
      maxPrice: 30000,
      openNow: true,
      availableOn: "2027-01-01",
      ordering: "-rating",
    });
  });

  test("near me with its radius; today is today; no ordering asked for when it is the default", () => {
    const chosen = criteriaFromParams(new URLSearchParams("near=21.543,39.173&radius=5&day=today"));

    expect(filtersFromCriteria(chosen, "2026-12-07")).toEqual({
      near: { lat: 21.543, lng: 39.173 },
      radiusKm: 5,
      availableOn: "2026-12-07",
    });
    expect(filtersFromCriteria(criteria({ near: { lat: 1, lng: 2 }, sort: "price" }), "2026-12-07")).toMatchObject({
      ordering: "price",
    });
  });
});
