import { describe, expect, test } from "vitest";

import { salon } from "@/testing/fixtures";

import { parseSelection, resolveSelection, selectionToParams, visitItems, visitTimes } from "./state";

const NOW = Date.parse("2026-11-22T06:00:00Z");

const visit = {
  serviceId: 25,
  staff: 11,
  date: "2026-11-24",
  start: "2026-11-24T10:00:00+03:00",
  extraServiceIds: [24],
};

describe("a visit of several services in the booking wizard", () => {
  test("the added services survive a trip through the URL, at most three of them", () => {
    expect(selectionToParams(visit).get("also")).toBe("24");
    expect(parseSelection(selectionToParams(visit))).toEqual(visit);
    expect(parseSelection(new URLSearchParams("service=25&also=24,x,24,24,24")).extraServiceIds).toEqual([24, 24, 24]);
  });

  test("an unknown added service is dropped with the chosen time", () => {
    expect(resolveSelection({ ...visit, extraServiceIds: [24, 999] }, salon, NOW)).toEqual({
      ...visit,
      extraServiceIds: [24],
      start: null,
    });
  });

  test("the chosen stylist does the later services she offers, back to back after each buffer", () => {
    const items = visitItems(salon, visit);

    expect(items.map((item) => [item.service.id, item.staffId])).toEqual([
      [25, 11],
      [24, 11],
    ]);
    expect(visitTimes(items, visit.start).map(({ start, end }) => [start, end])).toEqual([
      ["2026-11-24T07:00:00.000Z", "2026-11-24T09:30:00.000Z"],
      ["2026-11-24T09:45:00.000Z", "2026-11-24T10:30:00.000Z"],
    ]);
  });
});
