// The salon's own booking wizard (a walk-in or phone customer) as an explicit state:
// selecting_service → selecting_time → entering_customer → booked. Unlike the customer's flow it
// lives in a dialog, not in the URL; it shares the flow's rules: going back keeps the day, and a
// time refused while booking sends the salon back to fresh times with the reason.

import type { IsoDate } from "@/lib/calendar-date";
import type { Slot } from "@/types/models";

import type { TimeUnavailableCode } from "../api/booking-cache";

/** A time refused while booking it (taken meanwhile, passed…): left out of the fresh times, and why. */
export interface UnavailableTime {
  start: string;
  reason: TimeUnavailableCode;
}

export type WalkInState =
  | { step: "selecting_service"; date: IsoDate | null }
  | { step: "selecting_time"; serviceId: number; date: IsoDate | null; unavailable: UnavailableTime | null }
  | { step: "entering_customer"; serviceId: number; date: IsoDate; slot: Slot }
  | { step: "booked" };

export type WalkInStep = WalkInState["step"];

export type WalkInEvent =
  | { type: "pick_service"; serviceId: number }
  | { type: "change_service" }
  | { type: "pick_date"; date: IsoDate }
  | { type: "pick_slot"; slot: Slot; date: IsoDate }
  | { type: "change_time" }
  | { type: "time_unavailable"; time: UnavailableTime }
  | { type: "booked" };

export const WALK_IN_START: WalkInState = { step: "selecting_service", date: null };

/** The next state; an event that does not belong to the current step changes nothing. */
export function walkInReducer(state: WalkInState, event: WalkInEvent): WalkInState {
  switch (event.type) {
    case "pick_service":
      return state.step === "selecting_service"
        ? { step: "selecting_time", serviceId: event.serviceId, date: state.date, unavailable: null }
        : state;
    case "change_service":
      return state.step === "selecting_time" ? { step: "selecting_service", date: state.date } : state;
    case "pick_date":
      return state.step === "selecting_time" ? { ...state, date: event.date } : state;
    case "pick_slot":
      return state.step === "selecting_time"
        ? { step: "entering_customer", serviceId: state.serviceId, date: event.date, slot: event.slot }
        : state;
    case "change_time":
      return state.step === "entering_customer"
        ? { step: "selecting_time", serviceId: state.serviceId, date: state.date, unavailable: null }
        : state;
    case "time_unavailable":
      // Also while already back at the times (the refusal arrives after the fresh times are asked for).
      return state.step === "entering_customer" || state.step === "selecting_time"
        ? { step: "selecting_time", serviceId: state.serviceId, date: state.date, unavailable: event.time }
        : state;
    case "booked":
      return state.step === "entering_customer" ? { step: "booked" } : state;
  }
}
