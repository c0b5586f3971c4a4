import { describe, expect, test } from "vitest";

import { lastMonth, periodFromParams, periodProblem, presetOf, thisMonth } from "./period";

describe("statement periods", () => {
  test("this month runs from the 1st to today; last month is the whole previous month", () => {
    expect(thisMonth("2026-12-07")).toEqual({ from: "2026-12-01", to: "2026-12-07" });
    expect(lastMonth("2026-12-07")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(lastMonth("2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(lastMonth("2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  test("a period matching a preset is recognised", () => {
    expect(presetOf({ from: "2026-11-01", to: "2026-11-30" }, "2026-12-07")).toBe("lastMonth");
    expect(presetOf({ from: "2026-11-02", to: "2026-11-30" }, "2026-12-07")).toBeNull();
  });

  test("the API's rules: both days, in order, at most 400 days", () => {
    expect(periodProblem("2026-12-01", "")).toBe("missing");
    expect(periodProblem("2026-12-08", "2026-12-01")).toBe("order");
    expect(periodProblem("2025-01-01", "2026-12-01")).toBe("tooLong");
    expect(periodProblem("2025-11-03", "2026-12-07")).toBeNull();
  });

  test("the address's period, or this month when it is not a valid one", () => {
    expect(periodFromParams(new URLSearchParams("from=2026-10-01&to=2026-10-31"), "2026-12-07")).toEqual({
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(periodFromParams(new URLSearchParams("from=2026-10-31&to=2026-10-01"), "2026-12-07")).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
    });
  });
});
