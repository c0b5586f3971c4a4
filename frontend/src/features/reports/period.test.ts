import { describe, expect, test } from "vitest";

import {
  groupByFor,
  lengthInDays,
  periodFromParams,
  periodToParams,
  presetRange,
  previousRange,
  rangeProblem,
} from "./period";

// Tuesday 24 November 2026.
const TODAY = "2026-11-24";

describe("presets", () => {
  test("today is the one day", () => {
    expect(presetRange("today", TODAY)).toEqual({ from: TODAY, to: TODAY });
  });

  test("this week is the Saudi week: Sunday to Saturday", () => {
    expect(presetRange("week", TODAY)).toEqual({ from: "2026-11-22", to: "2026-11-28" });
    // A Sunday starts its own week; a Saturday ends it.
    expect(presetRange("week", "2026-11-22")).toEqual({ from: "2026-11-22", to: "2026-11-28" });
    expect(presetRange("week", "2026-11-28")).toEqual({ from: "2026-11-22", to: "2026-11-28" });
    // Across the end of a year.
    expect(presetRange("week", "2027-01-01")).toEqual({ from: "2026-12-27", to: "2027-01-02" });
  });

  test("this month and last month are whole calendar months", () => {
    expect(presetRange("month", TODAY)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetRange("last_month", TODAY)).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(presetRange("last_month", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetRange("month", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("last_month", "2027-03-31")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });
});

describe("the previous period", () => {
  test("has the same length and ends the day before", () => {
    expect(previousRange({ from: TODAY, to: TODAY })).toEqual({ from: "2026-11-23", to: "2026-11-23" });
    expect(previousRange({ from: "2026-11-22", to: "2026-11-28" })).toEqual({ from: "2026-11-15", to: "2026-11-21" });
    // November's 30 days are compared with the 30 days before, not with October's 31.
    expect(previousRange({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
    expect(previousRange({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
  });

  test("lengths count both ends", () => {
    expect(lengthInDays({ from: "2026-11-01", to: "2026-11-30" })).toBe(30);
    expect(lengthInDays({ from: TODAY, to: TODAY })).toBe(1);
  });
});

test("the series is by day up to two months, by week up to half a year, then by month", () => {
  expect(groupByFor({ from: "2026-11-01", to: "2026-11-30" })).toBe("day");
  expect(groupByFor({ from: "2026-09-01", to: "2026-10-31" })).toBe("day");
  expect(groupByFor({ from: "2026-06-01", to: "2026-11-30" })).toBe("week");
  expect(groupByFor({ from: "2026-01-01", to: "2026-12-31" })).toBe("month");
});

test("a custom range must be two dates in order, at most 400 days", () => {
  expect(rangeProblem("2026-11-01", "2026-11-30")).toBeNull();
  expect(rangeProblem("", "2026-11-30")).toBe("missing");
  expect(rangeProblem("2026-11-31", "2026-12-01")).toBe("missing");
  expect(rangeProblem("2026-11-30", "2026-11-01")).toBe("reversed");
  expect(rangeProblem("2026-01-01", "2027-02-05")).toBe("too_long");
  expect(rangeProblem("2026-01-01", "2027-02-04")).toBeNull();
});

describe("the period in the address", () => {
  test("this month unless the address says otherwise", () => {
    expect(periodFromParams(new URLSearchParams(), TODAY)).toEqual({
      choice: "month",
      from: "2026-11-01",
      to: "2026-11-30",
    });
    expect(periodFromParams(new URLSearchParams("period=week"), TODAY)).toEqual({
      choice: "week",
      from: "2026-11-22",
      to: "2026-11-28",
    });
    expect(periodFromParams(new URLSearchParams("period=nonsense"), TODAY).choice).toBe("month");
  });

  test("a custom range is kept when valid, else this month", () => {
    expect(periodFromParams(new URLSearchParams("period=custom&from=2026-10-05&to=2026-11-04"), TODAY)).toEqual({
      choice: "custom",
      from: "2026-10-05",
      to: "2026-11-04",
    });
    expect(periodFromParams(new URLSearchParams("period=custom&from=2026-11-04&to=2026-10-05"), TODAY).choice).toBe(
      "month",
    );
  });

  test("round trip", () => {
    expect(periodToParams({ choice: "month", from: "2026-11-01", to: "2026-11-30" })).toEqual({});
    expect(periodToParams({ choice: "today", from: TODAY, to: TODAY })).toEqual({ period: "today" });
    expect(periodToParams({ choice: "custom", from: "2026-10-05", to: "2026-11-04" })).toEqual({
      period: "custom",
      from: "2026-10-05",
      to: "2026-11-04",
    });
  });
});
