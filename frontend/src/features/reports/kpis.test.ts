import { describe, expect, test } from "vitest";

import { kpiChange, toneOf } from "./kpis";
import { figures } from "./reports-fixtures";

describe("changes against the previous period", () => {
  test("money and counts change by a ratio", () => {
    expect(kpiChange("net", figures({ net: 112_000 }), figures({ net: 100_000 }))).toEqual({
      kind: "relative",
      ratio: 0.12,
    });
    expect(kpiChange("bookings", figures({ bookings: 30 }), figures({ bookings: 40 }))).toEqual({
      kind: "relative",
      ratio: -0.25,
    });
    expect(kpiChange("new_customers", figures({ new_customers: 4 }), figures({ new_customers: 4 }))).toEqual({
      kind: "same",
    });
  });

  test("from nothing there is no ratio", () => {
    expect(kpiChange("net", figures({ net: 5000 }), figures())).toEqual({ kind: "noPrevious" });
    expect(kpiChange("bookings", figures(), figures())).toEqual({ kind: "same" });
  });

  test("rates change by percentage points, counted only when the previous period had bookings or hours", () => {
    const change = kpiChange(
      "utilisation",
      figures({ utilisation: 0.62, working_minutes: 6000 }),
      figures({ utilisation: 0.5, working_minutes: 6000 }),
    );
    expect(change.kind).toBe("points");
    expect(change.kind === "points" && change.points).toBeCloseTo(12);
    expect(kpiChange("no_show_rate", figures({ no_show_rate: 0.1, bookings: 10 }), figures({ bookings: 0 }))).toEqual({
      kind: "noPrevious",
    });
  });

  test("the rating changes by its difference; no rating now says nothing", () => {
    const change = kpiChange("rating", figures({ rating_average: 4.8 }), figures({ rating_average: 4.5 }));
    expect(change.kind === "absolute" && change.difference).toBeCloseTo(0.3);
    expect(kpiChange("rating", figures(), figures({ rating_average: 4.5 }))).toEqual({ kind: "none" });
    expect(kpiChange("rating", figures({ rating_average: 4.5 }), figures())).toEqual({ kind: "noPrevious" });
  });

  test("without the previous period's figures the change is unavailable", () => {
    expect(kpiChange("net", figures({ net: 100 }), undefined)).toEqual({ kind: "unavailable" });
  });
});

test("a rise is good news, except for no-shows", () => {
  expect(toneOf("net", { kind: "relative", ratio: 0.1 })).toBe("better");
  expect(toneOf("bookings", { kind: "relative", ratio: -0.1 })).toBe("worse");
  expect(toneOf("no_show_rate", { kind: "points", points: 2 })).toBe("worse");
  expect(toneOf("no_show_rate", { kind: "points", points: -2 })).toBe("better");
  expect(toneOf("rating", { kind: "same" })).toBe("neutral");
});
