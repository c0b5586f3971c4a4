import { expect, test } from "vitest";

import { instantToZonedInput, zonedDateTimeToIso } from "./calendar-date";

test("a salon's wall-clock time becomes an instant with the salon's offset", () => {
  expect(zonedDateTimeToIso("2026-11-22", "10:30", "Asia/Riyadh")).toBe("2026-11-22T10:30:00+03:00");
  expect(zonedDateTimeToIso("2026-11-22", "00:00", "Asia/Riyadh")).toBe("2026-11-22T00:00:00+03:00");
  // Across daylight saving time, each date keeps its own offset.
  expect(zonedDateTimeToIso("2026-01-15", "09:00", "Europe/London")).toBe("2026-01-15T09:00:00+00:00");
  expect(zonedDateTimeToIso("2026-07-15", "09:00", "Europe/London")).toBe("2026-07-15T09:00:00+01:00");
});

test("an instant reads as the wall clock of the salon's zone", () => {
  expect(instantToZonedInput("2026-11-22T07:30:00Z", "Asia/Riyadh")).toBe("2026-11-22T10:30");
  expect(instantToZonedInput("2026-11-22T23:15:00+03:00", "Asia/Riyadh")).toBe("2026-11-22T23:15");
});
