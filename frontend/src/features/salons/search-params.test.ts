import { describe, expect, test } from "vitest";

import type { ServiceCategory } from "@/types/models";

import { criteriaFromParams, criteriaToParams } from "./search-params";

const categories: ServiceCategory[] = [
  { id: 1, slug: "hair", name: "شعر" },
  { id: 12, slug: "lashes", name: "رموش" },
];

describe("the search in the URL", () => {
  test("reads every filter and writes it back", () => {
    const params = new URLSearchParams("q=استشوار&city=riyadh&category=lashes&audience=men&today=1");

    const criteria = criteriaFromParams(params, categories);

    expect(criteria).toEqual({
      q: "استشوار",
      city: "riyadh",
      category: "lashes",
      audience: "men",
      availableToday: true,
    });
    expect(criteriaToParams(criteria).toString()).toBe(params.toString());
  });

  test("a category the API does not list is ignored once the categories are known; the rest is kept", () => {
    const params = new URLSearchParams("q=حناء&city=jeddah&category=henna&today=1");

    expect(criteriaFromParams(params, categories)).toEqual({
      q: "حناء",
      city: "jeddah",
      category: null,
      audience: null,
      availableToday: true,
    });
    // Before the categories arrive (or when they cannot be loaded), the link's slug is taken as is.
    expect(criteriaFromParams(params).category).toBe("henna");
    expect(criteriaFromParams(params, []).category).toBeNull();
  });

  test.each(["", "a b", "hair/../x", "<script>", "x".repeat(41)])("an invalid category %j is ignored", (category) => {
    const params = new URLSearchParams({ category, city: "dammam" });

    expect(criteriaFromParams(params)).toMatchObject({ category: null, city: "dammam" });
  });

  test("unknown cities and audiences are ignored", () => {
    expect(criteriaFromParams(new URLSearchParams("city=paris&audience=kids&q=x"))).toEqual({
      q: "x",
      city: null,
      category: null,
      audience: null,
      availableToday: false,
    });
  });
});
