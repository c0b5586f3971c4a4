import { DEFAULT_TIME_ZONE } from "@/lib/calendar-date";
import type { Booking } from "@/types/api";

export function bookingTimeZone(booking: Booking): string {
  return booking.salon.timezone ?? DEFAULT_TIME_ZONE;
}
