// Test fixtures for the desk, shaped like the API's answers (the salon of src/testing/fixtures.ts:
// Riyadh, a 30-minute grid; Sunday 22 November 2026).
import type { Calendar, CalendarBooking, CalendarStaff, Customer, CustomerDetail } from "@/types/models";

export function calendarBooking(overrides: Partial<CalendarBooking> = {}): CalendarBooking {
  return {
    id: 7,
    reference: "SLN-83MCF",
    customer_first_name: "نورة",
    service_name: "استشوار",
    status: "confirmed",
    start: "2026-11-22T10:00:00+03:00",
    end: "2026-11-22T10:45:00+03:00",
    payment_status: null,
    ...overrides,
  };
}

export function calendarStaff(overrides: Partial<CalendarStaff> = {}): CalendarStaff {
  return {
    id: 11,
    display_name: "العنود",
    is_active: true,
    working: [{ start: "2026-11-22T09:00:00+03:00", end: "2026-11-22T17:00:00+03:00" }],
    time_off: [],
    bookings: [],
    ...overrides,
  };
}

/** Two stylists on Sunday 22 November: العنود has a confirmed booking at 10:00 and lunch off, دانة a pending one. */
export function calendar(overrides: Partial<Calendar> = {}): Calendar {
  return {
    salon: { id: 3, timezone: "Asia/Riyadh", slot_step_minutes: 30 },
    start: "2026-11-22",
    days: 1,
    staff: [
      calendarStaff({
        bookings: [calendarBooking()],
        time_off: [{ start: "2026-11-22T13:00:00+03:00", end: "2026-11-22T14:00:00+03:00", reason: "غداء" }],
      }),
      calendarStaff({
        id: 12,
        display_name: "دانة",
        working: [{ start: "2026-11-22T12:00:00+03:00", end: "2026-11-22T20:00:00+03:00" }],
        bookings: [
          calendarBooking({
            id: 8,
            reference: "SLN-4KQ2P",
            customer_first_name: "سارة",
            service_name: "صبغة شعر كاملة",
            status: "pending",
            start: "2026-11-22T12:00:00+03:00",
            end: "2026-11-22T14:30:00+03:00",
          }),
        ],
      }),
    ],
    ...overrides,
  };
}

export function customer(overrides: Partial<Customer> = {}): Customer {
  return {
    user_id: 2,
    first_name: "سارة",
    phone_number: "+966500000001",
    visit_count: 4,
    last_visit: "2026-10-30T17:00:00+03:00",
    next_visit: "2026-11-24T10:00:00+03:00",
    total_paid: 72000,
    no_show_count: 1,
    no_shows_forgiven: 0,
    cancellation_count: 0,
    notes: "",
    tags: ["VIP"],
    blocked: false,
    ...overrides,
  };
}

export function customerDetail(overrides: Partial<CustomerDetail> = {}): CustomerDetail {
  return { ...customer(), bookings: [], ...overrides };
}
