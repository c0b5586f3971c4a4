import { expect, test } from "vitest";

import { buildIcs } from "./ics";

test("an .ics event in UTC with escaped text and folded long lines", () => {
  const ics = buildIcs(
    {
      uid: "SLN-83MCF@salon",
      title: "استشوار في صالون دلال للتجميل",
      start: "2026-11-24T10:00:00+03:00",
      end: "2026-11-24T10:45:00+03:00",
      location: "Othman Bin Affan Road, Al Narjis; Riyadh",
    },
    new Date("2026-11-22T06:00:00Z"),
  );
  const lines = ics.split("\r\n");

  expect(lines).toContain("DTSTART:20261124T070000Z");
  expect(lines).toContain("DTEND:20261124T074500Z");
  expect(lines).toContain("DTSTAMP:20261122T060000Z");
  expect(lines).toContain("LOCATION:Othman Bin Affan Road\\, Al Narjis\\; Riyadh");
  expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  // Every physical line fits in 75 octets; continuation lines start with a space.
  for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  expect(ics.replace(/\r\n /g, "")).toContain("SUMMARY:استشوار في صالون دلال للتجميل");
});
