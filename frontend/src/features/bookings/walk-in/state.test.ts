import { describe, expect, test } from "vitest";

import { slot } from "@/testing/fixtures";

import { WALK_IN_START, type WalkInEvent, type WalkInState, walkInReducer } from "./state";

const four = slot("2026-11-22T16:00:00+03:00", 45, [12]);

function run(events: WalkInEvent[], from: WalkInState = WALK_IN_START): WalkInState {
  return events.reduce(walkInReducer, from);
}

const atCustomer: WalkInEvent[] = [
  { type: "pick_service", serviceId: 24 },
  { type: "pick_date", date: "2026-11-23" },
  { type: "pick_slot", slot: four, date: "2026-11-22" },
];

describe("the walk-in wizard's state", () => {
  test("service, then a free time, then the customer, then booked", () => {
    expect(run([{ type: "pick_service", serviceId: 24 }])).toEqual({
      step: "selecting_time",
      serviceId: 24,
      date: null,
      unavailable: null,
    });
    expect(run(atCustomer)).toEqual({ step: "entering_customer", serviceId: 24, date: "2026-11-22", slot: four });
    expect(run([...atCustomer, { type: "booked" }])).toEqual({ step: "booked" });
  });

  test("going back keeps the day", () => {
    expect(run([...atCustomer, { type: "change_time" }])).toEqual({
      step: "selecting_time",
      serviceId: 24,
      date: "2026-11-22",
      unavailable: null,
    });
    expect(run([...atCustomer, { type: "change_time" }, { type: "change_service" }])).toEqual({
      step: "selecting_service",
      date: "2026-11-22",
    });
  });

  test("a time refused while booking goes back to the times with the reason, until another is picked", () => {
    const refused = run([
      ...atCustomer,
      { type: "time_unavailable", time: { start: four.start, reason: "slot_unavailable" } },
    ]);
    expect(refused).toEqual({
      step: "selecting_time",
      serviceId: 24,
      date: "2026-11-22",
      unavailable: { start: four.start, reason: "slot_unavailable" },
    });
    // Another day keeps the notice; another time or service drops it.
    expect(run([{ type: "pick_date", date: "2026-11-23" }], refused)).toMatchObject({
      date: "2026-11-23",
      unavailable: { start: four.start },
    });
    expect(run([{ type: "change_service" }, { type: "pick_service", serviceId: 25 }], refused)).toMatchObject({
      serviceId: 25,
      unavailable: null,
    });
  });

  test("an event that does not belong to the step changes nothing", () => {
    expect(run([{ type: "booked" }, { type: "change_time" }])).toBe(WALK_IN_START);
    const booked = run([...atCustomer, { type: "booked" }]);
    expect(run([{ type: "change_service" }, { type: "pick_service", serviceId: 25 }], booked)).toBe(booked);
  });
});
