import { expect, test } from "vitest";

import { flatten, isOvernight, toWeek, type Week, weekProblems } from "./hours";

let next = 0;
const key = () => `row-${(next += 1)}`;

function week(rows: Partial<Record<number, [string, string][]>>): Week {
  const result: Week = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  for (const [weekday, intervals] of Object.entries(rows))
    result[Number(weekday)] = (intervals ?? []).map(([start, end]) => ({ key: `${weekday}:${start}`, start, end }));
  return result;
}

test("an end at or before the start runs past midnight", () => {
  expect(isOvernight({ start: "20:00", end: "02:00" })).toBe(true);
  expect(isOvernight({ start: "09:00", end: "17:00" })).toBe(false);
  expect(isOvernight({ start: "09:00", end: "" })).toBe(false);
});

test("the rules the API checks: empty, same-time, same-day overlaps, overlaps with last night's shift", () => {
  const problems = weekProblems(
    week({
      6: [
        ["09:00", "13:00"],
        ["12:00", "15:00"],
        ["16:00", "18:00"],
      ],
      0: [["10:00", "10:00"]],
      1: [["09:00", ""]],
      3: [["20:00", "02:00"]],
      4: [
        ["01:00", "05:00"],
        ["02:00", "06:00"],
      ],
    }),
  );
  expect(Object.fromEntries(problems)).toEqual({
    "6:09:00": "overlap",
    "6:12:00": "overlap",
    "0:10:00": "sameTime",
    "1:09:00": "missing",
    "4:01:00": "overlap",
    "4:02:00": "overlap",
  });
});

test("a shift past midnight clashes with the next day's early hours, also from Saturday into Sunday", () => {
  const problems = weekProblems(
    week({ 5: [["22:00", "03:00"]], 6: [["02:00", "06:00"]], 3: [["20:00", "02:00"]], 4: [["02:00", "06:00"]] }),
  );
  expect(Object.fromEntries(problems)).toEqual({ "6:02:00": "overlapsPrevious" });
});

test("the week goes to the API Monday first, each day by start, remembering which row is which", () => {
  const loaded = toWeek(
    [
      { weekday: 6, start: "16:00:00", end: "22:00:00" },
      { weekday: 6, start: "09:00", end: "13:00" },
      { weekday: 3, start: "20:00", end: "02:00" },
    ],
    key,
  );
  const { hours, keys } = flatten(loaded);
  expect(hours).toEqual([
    { weekday: 3, start: "20:00", end: "02:00" },
    { weekday: 6, start: "09:00", end: "13:00" },
    { weekday: 6, start: "16:00", end: "22:00" },
  ]);
  expect(keys).toEqual([loaded[3]![0]!.key, loaded[6]![0]!.key, loaded[6]![1]!.key]);
});
