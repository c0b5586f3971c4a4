// The booking wizard as an explicit state derived from the selection in the URL, so a reload or a
// shared link resumes it: ?service=12&staff=any&date=2026-11-24&start=2026-11-24T10:00:00+03:00

import { type IsoDate, isIsoDate } from "@/lib/calendar-date";
import type { SalonDetail, Service, Staff } from "@/types/models";

export const BOOKING_STEPS = [
  "selecting_service",
  "selecting_staff",
  "selecting_time",
  "signing_in",
  "confirming",
] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

export interface BookingSelection {
  serviceId: number | null;
  /** "any": any qualified stylist; null: not chosen yet. */
  staff: number | "any" | null;
  date: IsoDate | null;
  start: string | null;
  /** A visit: the services added after the first, in order (`also=5,7` in the URL; ADR 0017). */
  extraServiceIds?: number[];
}

/** The most services one visit holds (the API's limit). */
export const MAX_VISIT_SERVICES = 4;

export const EMPTY_SELECTION: BookingSelection = { serviceId: null, staff: null, date: null, start: null };

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function positiveInt(value: string | null): number | null {
  if (!value || !/^\d{1,18}$/.test(value)) return null;
  const number = Number(value);
  return number > 0 && Number.isSafeInteger(number) ? number : null;
}

export function parseSelection(params: URLSearchParams): BookingSelection {
  const staffParam = params.get("staff");
  const start = params.get("start");
  const date = params.get("date");
  const selection: BookingSelection = {
    serviceId: positiveInt(params.get("service")),
    staff: staffParam === "any" ? "any" : positiveInt(staffParam),
    date: isIsoDate(date) ? date : null,
    start: start && ISO_DATETIME.test(start) && !Number.isNaN(Date.parse(start)) ? start : null,
  };
  const extras = (params.get("also") ?? "")
    .split(",")
    .map(positiveInt)
    .filter((id): id is number => id !== null)
    .slice(0, MAX_VISIT_SERVICES - 1);
  if (extras.length > 0) selection.extraServiceIds = extras;
  return selection;
}

export function selectionToParams(selection: BookingSelection): URLSearchParams {
  const params = new URLSearchParams();
  if (selection.serviceId !== null) params.set("service", String(selection.serviceId));
  if (selection.staff !== null) params.set("staff", String(selection.staff));
  if (selection.date) params.set("date", selection.date);
  if (selection.start) params.set("start", selection.start);
  if (selection.extraServiceIds?.length) params.set("also", selection.extraServiceIds.join(","));
  return params;
}

/** A start time that has already begun (an old shared link, a page reloaded hours later). */
export function isPastStart(start: string, now: number = Date.now()): boolean {
  return Date.parse(start) <= now;
}

/**
 * Drops what cannot be booked: an unknown service, a stylist who does not do it, a start that has
 * already passed (the customer picks a fresh time on the same day).
 */
export function resolveSelection(
  selection: BookingSelection,
  salon: SalonDetail,
  now: number = Date.now(),
): BookingSelection {
  const service = findService(salon, selection.serviceId);
  if (!service) return EMPTY_SELECTION;
  const staffOk =
    selection.staff === "any" || (selection.staff !== null && service.staff_ids.includes(selection.staff));
  if (!staffOk) return { ...EMPTY_SELECTION, serviceId: service.id };
  const extras = selection.extraServiceIds?.filter((id) => findService(salon, id) !== undefined);
  if (extras && extras.length !== selection.extraServiceIds?.length) {
    return { ...selection, extraServiceIds: extras.length ? extras : undefined, start: null };
  }
  if (selection.start && isPastStart(selection.start, now)) return { ...selection, start: null };
  return selection;
}

export function deriveStep(selection: BookingSelection, { signedIn }: { signedIn: boolean }): BookingStep {
  if (selection.serviceId === null) return "selecting_service";
  if (selection.staff === null) return "selecting_staff";
  if (selection.start === null) return "selecting_time";
  if (!signedIn) return "signing_in";
  return "confirming";
}

/** Going back to a step forgets what was chosen after it (the date is kept to find times again). */
export function backTo(selection: BookingSelection, step: BookingStep): BookingSelection {
  switch (step) {
    case "selecting_service":
      return { ...EMPTY_SELECTION, date: selection.date };
    case "selecting_staff":
      return { ...selection, staff: null, start: null };
    case "selecting_time":
      return { ...selection, start: null };
    default:
      return selection;
  }
}

export function findService(salon: SalonDetail, serviceId: number | null): Service | undefined {
  if (serviceId === null) return undefined;
  return salon.categories.flatMap((category) => category.services).find((service) => service.id === serviceId);
}

/** One service of a visit as the flow books it: the stylist chosen for the first service does the
 * later ones she offers; any free qualified stylist does the others (null). */
export interface VisitItem {
  service: Service;
  staffId: number | null;
}

export function visitItems(salon: SalonDetail, selection: BookingSelection): VisitItem[] {
  const first = findService(salon, selection.serviceId);
  if (!first) return [];
  const staffId = typeof selection.staff === "number" ? selection.staff : null;
  const services = [first, ...(selection.extraServiceIds ?? []).map((id) => findService(salon, id))];
  return services
    .filter((service): service is Service => service !== undefined)
    .map((service) => ({
      service,
      staffId: staffId !== null && service.staff_ids.includes(staffId) ? staffId : null,
    }));
}

/** Each service's time in a visit starting at `start`: back to back, after the one before and its buffer. */
export function visitTimes(items: VisitItem[], start: string): (VisitItem & { start: string; end: string })[] {
  let at = Date.parse(start);
  return items.map((item) => {
    const begins = at;
    const ends = begins + item.service.duration_minutes * 60_000;
    at = ends + item.service.buffer_minutes * 60_000;
    return { ...item, start: new Date(begins).toISOString(), end: new Date(ends).toISOString() };
  });
}

export function staffFor(salon: SalonDetail, service: Service): Staff[] {
  return salon.staff.filter((member) => service.staff_ids.includes(member.id));
}
