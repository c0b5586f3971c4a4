import { isApiError } from "@/lib/api-client";

import type { AffectedBooking } from "@/types/models";

// Deactivating a stylist, replacing their hours, adding time off or a special day is refused with
// 409 `bookings_affected` when it would leave bookings without a stylist; the body lists them.

/** The bookings a refused change would leave without a stylist (409 `bookings_affected`), else null. */
export function affectedBookings(error: unknown): AffectedBooking[] | null {
  if (!isApiError(error) || error.code !== "bookings_affected") return null;
  const body = error.body as { affected?: unknown } | undefined;
  return Array.isArray(body?.affected) ? (body.affected as AffectedBooking[]) : [];
}
