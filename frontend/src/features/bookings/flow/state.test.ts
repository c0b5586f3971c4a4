import { describe, expect, test } from "vitest";

import { salon } from "@/testing/fixtures";

import { backTo, deriveStep, parseSelection, resolveSelection, selectionToParams } from "./state";

// Sunday 22 November 2026, 09:00 in Riyadh.
const NOW = Date.parse("2026-11-22T06:00:00Z");

const full = {
  serviceId: 24,
  staff: "any" as const,
  date: "2026-11-24",
  start: "2026-11-24T10:00:00+03:00",
};

describe("the booking wizard's state", () => {
  test.each([
    [{ serviceId: null, staff: null, date: null, start: null }, false, "selecting_service"],
    [{ ...full, staff: null, start: null }, false, "selecting_staff"],
    [{ ...full, start: null }, false, "selecting_time"],
    [full, false, "signing_in"],
    [full, true, "confirming"],
  ] as const)("%o signed in %s is %s", (selection, signedIn, step) => {
    expect(deriveStep(selection, { signedIn })).toBe(step);
  });

  test("the selection survives a trip through the URL", () => {
    const params = selectionToParams(full);

    expect(params.toString()).toBe("service=24&staff=any&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00");
    expect(parseSelection(params)).toEqual(full);
  });

  test("malformed values in the URL are ignored", () => {
    const params = new URLSearchParams("service=abc&staff=-1&date=2026-02-30&start=tomorrow");

    expect(parseSelection(params)).toEqual({ serviceId: null, staff: null, date: null, start: null });
  });

  test("a stylist who does not offer the service is dropped", () => {
    expect(resolveSelection({ ...full, staff: 10 }, salon, NOW)).toEqual({
      serviceId: 24,
      staff: null,
      date: null,
      start: null,
    });
    expect(resolveSelection({ ...full, staff: 12 }, salon, NOW)).toEqual({ ...full, staff: 12 });
  });

  test("a start that has already passed is dropped, keeping its day to pick a fresh time", () => {
    const later = Date.parse("2026-11-24T10:00:00+03:00");

    expect(resolveSelection(full, salon, later)).toEqual({ ...full, start: null });
    expect(resolveSelection(full, salon, later + 3 * 3_600_000)).toEqual({ ...full, start: null });
    expect(resolveSelection(full, salon, later - 60_000)).toEqual(full);
    expect(deriveStep(resolveSelection(full, salon, later), { signedIn: true })).toBe("selecting_time");
  });

  test("going back forgets the later choices but keeps the day", () => {
    expect(backTo(full, "selecting_service")).toEqual({
      serviceId: null,
      staff: null,
      date: "2026-11-24",
      start: null,
    });
    expect(backTo(full, "selecting_staff")).toEqual({ ...full, staff: null, start: null });
    expect(backTo(full, "selecting_time")).toEqual({ ...full, start: null });
  });
});
