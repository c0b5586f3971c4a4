import { expect, test } from "vitest";

import { startOfLocalDay, toZonedIso, zoneOffsetMinutes } from "./zoned-time";

test("a local day starts at the zone's midnight", () => {
  expect(new Date(startOfLocalDay("2026-11-22", "Asia/Riyadh")).toISOString()).toBe("2026-11-21T21:00:00.000Z");
  expect(new Date(startOfLocalDay("2026-11-22", "UTC")).toISOString()).toBe("2026-11-22T00:00:00.000Z");
  // A daylight-saving zone, on the day its clocks go forward and on an ordinary day.
  expect(new Date(startOfLocalDay("2026-03-29", "Europe/Berlin")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
  expect(new Date(startOfLocalDay("2026-07-01", "Europe/Berlin")).toISOString()).toBe("2026-06-30T22:00:00.000Z");
});

test("instants are written with the zone's offset", () => {
  expect(zoneOffsetMinutes(Date.parse("2026-11-22T13:00:00Z"), "Asia/Riyadh")).toBe(180);
  expect(toZonedIso(Date.parse("2026-11-22T13:00:00Z"), "Asia/Riyadh")).toBe("2026-11-22T16:00:00+03:00");
  expect(toZonedIso(Date.parse("2026-11-22T22:30:00Z"), "Asia/Riyadh")).toBe("2026-11-23T01:30:00+03:00");
  expect(toZonedIso(Date.parse("2026-11-22T13:00:00Z"), "America/New_York")).toBe("2026-11-22T08:00:00-05:00");
});
