import { describe, expect, test } from "vitest";

import { calendar, calendarStaff } from "./desk-fixtures";
import { buildColumn, dayRange, freeSpans, freeStarts, gridFloor, nextFreeWindows, subtract } from "./schedule";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const ZONE = "Asia/Riyadh";

describe("free time", () => {
  test("working hours minus busy spans", () => {
    expect(
      subtract(
        [{ start: 0, end: 100 }],
        [
          { start: 10, end: 20 },
          { start: 15, end: 30 },
          { start: 90, end: 120 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 10 },
      { start: 30, end: 90 },
    ]);
  });

  test("a stylist's free time leaves out bookings and time off, not cancelled bookings", () => {
    const staff = calendar().staff[0]!;
    staff.bookings.push({
      ...staff.bookings[0]!,
      id: 99,
      status: "cancelled",
      start: "2026-11-22T15:00:00+03:00",
      end: "2026-11-22T16:00:00+03:00",
    });
    expect(freeSpans(staff).map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ["2026-11-22T06:00:00.000Z", "2026-11-22T07:00:00.000Z"],
      ["2026-11-22T07:45:00.000Z", "2026-11-22T10:00:00.000Z"],
      ["2026-11-22T11:00:00.000Z", "2026-11-22T14:00:00.000Z"],
    ]);
  });

  test("the grid counts from the local midnight; the slot under way is offered", () => {
    expect(iso(gridFloor(at("2026-11-22T10:10:00+03:00"), 30, ZONE))).toBe("2026-11-22T07:00:00.000Z");
    const starts = freeStarts(
      [{ start: at("2026-11-22T10:45:00+03:00"), end: at("2026-11-22T12:00:00+03:00") }],
      30,
      ZONE,
      at("2026-11-22T09:00:00+03:00"),
    );
    expect(starts.map(iso)).toEqual(["2026-11-22T08:00:00.000Z", "2026-11-22T08:30:00.000Z"]);
    expect(
      freeStarts(
        [{ start: at("2026-11-22T10:00:00+03:00"), end: at("2026-11-22T12:00:00+03:00") }],
        30,
        ZONE,
        at("2026-11-22T11:10:00+03:00"),
      ).map(iso),
    ).toEqual(["2026-11-22T08:00:00.000Z", "2026-11-22T08:30:00.000Z"]);
  });

  test("each stylist's next free time, soonest first", () => {
    const windows = nextFreeWindows(calendar(), at("2026-11-22T10:20:00+03:00"));
    expect(windows.map((w) => [w.staff.display_name, iso(w.start), iso(w.end)])).toEqual([
      ["العنود", "2026-11-22T08:00:00.000Z", "2026-11-22T10:00:00.000Z"],
      ["دانة", "2026-11-22T11:30:00.000Z", "2026-11-22T17:00:00.000Z"],
    ]);
  });

  test("inactive stylists and those with no time left have none", () => {
    const cal = calendar({ staff: [calendarStaff({ is_active: false }), calendarStaff({ id: 12 })] });
    expect(nextFreeWindows(cal, at("2026-11-22T17:00:00+03:00"))).toEqual([]);
  });
});

describe("a day's column", () => {
  test("covers whole hours of every working interval", () => {
    expect(dayRange(calendar(), ZONE)).toEqual({ startMinute: 9 * 60, endMinute: 20 * 60 });
    expect(dayRange(calendar({ staff: [] }), ZONE)).toEqual({ startMinute: 9 * 60, endMinute: 21 * 60 });
  });

  test("lists bookings, time off and free grid slots in time order", () => {
    const cal = calendar();
    const column = buildColumn(cal.staff[0]!, "2026-11-22", dayRange(cal, ZONE), cal, at("2026-11-22T09:40:00+03:00"));
    expect(column.items.map((item) => [item.kind, iso(item.span.start)])).toEqual([
      ["free", "2026-11-22T06:30:00.000Z"],
      ["booking", "2026-11-22T07:00:00.000Z"],
      ["free", "2026-11-22T08:00:00.000Z"],
      ["free", "2026-11-22T08:30:00.000Z"],
      ["free", "2026-11-22T09:00:00.000Z"],
      ["free", "2026-11-22T09:30:00.000Z"],
      ["time_off", "2026-11-22T10:00:00.000Z"],
      ["free", "2026-11-22T11:00:00.000Z"],
      ["free", "2026-11-22T11:30:00.000Z"],
      ["free", "2026-11-22T12:00:00.000Z"],
      ["free", "2026-11-22T12:30:00.000Z"],
      ["free", "2026-11-22T13:00:00.000Z"],
      ["free", "2026-11-22T13:30:00.000Z"],
    ]);
  });
});
