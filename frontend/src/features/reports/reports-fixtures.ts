// Report answers for tests, shaped like the API's (a salon's November 2026, money in halalas).
import type { ReportFigures, ReportHeatmap, ReportSummary } from "@/types/models";

export function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    gross_paid: 0,
    refunded: 0,
    net: 0,
    vat: 0,
    vat_gross: 0,
    vat_refunded: 0,
    expected_at_salon: 0,
    bookings: 0,
    confirmed: 0,
    completed: 0,
    cancelled: 0,
    cancelled_by_customer: 0,
    cancelled_by_salon: 0,
    no_show: 0,
    expired: 0,
    no_show_rate: 0,
    cancellation_rate: 0,
    booked_minutes: 0,
    working_minutes: 0,
    utilisation: 0,
    new_customers: 0,
    returning_customers: 0,
    median_lead_time_hours: null,
    rating_average: null,
    rating_count: 0,
    ...overrides,
  };
}

/** A summary whose series has one item per day from `from` to `to` (figures on the first two days only). */
export function summary(from: string, to: string, totals: ReportFigures, salon = 3): ReportSummary {
  const days: string[] = [];
  for (let day = new Date(`${from}T12:00:00Z`); day.toISOString().slice(0, 10) <= to;) {
    days.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return {
    salon,
    from,
    to,
    group_by: "day",
    currency: "SAR",
    totals,
    series: days.map((period, index) => ({
      period,
      ...(index === 0
        ? figures({ gross_paid: 90_000, refunded: 18_000, net: 72_000, bookings: 3 })
        : index === 1
          ? figures({ gross_paid: 45_000, net: 45_000, bookings: 2 })
          : figures()),
    })),
    by_service: [
      { id: 24, name: "استشوار", bookings: 30, completed: 20, gross_paid: 540_000, net: 522_000 },
      { id: 25, name: "صبغة شعر كاملة", bookings: 12, completed: 9, gross_paid: 1_020_000, net: 1_020_000 },
    ],
    by_staff: [
      { id: 11, name: "العنود", bookings: 25, completed: 18, gross_paid: 1_200_000, net: 1_182_000 },
      { id: 12, name: "دانة", bookings: 17, completed: 11, gross_paid: 360_000, net: 360_000 },
    ],
  };
}

/** Visits: Thursday at 7 pm is the busiest hour. */
export function heatmap(from: string, to: string, salon = 3): ReportHeatmap {
  const weekdays = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  weekdays[4]![19] = 6;
  weekdays[4]![18] = 2;
  weekdays[0]![10] = 3;
  return { salon, from, to, first_weekday: "sunday", weekdays };
}
