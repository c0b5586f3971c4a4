// The desk endpoints of the back office (/api/manage/salons/{id}/calendar|bookings|customers/),
// typed by hand from the issue #11 API contract because openapi.json does not describe them yet.
// Once the backend's schema has them, these move to the generated types (`npm run api:types`, then
// friendly names in src/types/models.ts) and this file goes. The booking representation is already
// generated: `Booking`. Money is integer halalas; datetimes are ISO 8601 with the salon's offset.
import type { Booking, BookingStatus, PaymentStatus } from "@/types/models";

/** A half-open span of time [start, end). */
export interface CalendarInterval {
  start: string;
  end: string;
}

export interface CalendarTimeOff extends CalendarInterval {
  reason: string;
}

export interface CalendarBooking {
  id: number;
  reference: string;
  customer_first_name: string;
  service_name: string;
  status: BookingStatus;
  start: string;
  end: string;
  payment_status: PaymentStatus | null;
}

export interface CalendarStaff {
  id: number;
  display_name: string;
  is_active: boolean;
  working: CalendarInterval[];
  time_off: CalendarTimeOff[];
  bookings: CalendarBooking[];
}

/** GET /api/manage/salons/{id}/calendar/?start=YYYY-MM-DD&days=1..7 */
export interface Calendar {
  salon: { id: number; timezone: string; slot_step_minutes: number };
  /** The first day, YYYY-MM-DD. */
  start: string;
  days: number;
  staff: CalendarStaff[];
}

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** GET /api/manage/salons/{id}/bookings/: the standard booking representation. */
export type SalonBookingPage = Paginated<Booking>;

/** A customer of the salon, as the desk sees them. */
export interface Customer {
  user_id: number;
  first_name: string;
  phone_number: string;
  visit_count: number;
  last_visit: string | null;
  next_visit: string | null;
  /** Halalas (SAR). */
  total_paid: number;
  no_show_count: number;
  cancellation_count: number;
  notes: string;
  tags: string[];
  blocked: boolean;
}

export type CustomerPage = Paginated<Customer>;

/** GET /api/manage/salons/{id}/customers/{user_id}/ */
export interface CustomerDetail extends Customer {
  bookings: Booking[];
}

/** PATCH /api/manage/salons/{id}/customers/{user_id}/ */
export interface CustomerUpdate {
  notes?: string;
  tags?: string[];
  blocked?: boolean;
}
