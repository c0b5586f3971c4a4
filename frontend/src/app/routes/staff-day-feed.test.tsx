import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { Component as StaffDay } from "./staff-day";

const routes = [{ path: "/staff", Component: StaffDay }];
const FEED = "webcal://salon.example/api/calendar/feeds/token.ics";

function schedule() {
  return {
    date: "2026-11-22",
    timezone: "Asia/Riyadh",
    staff: { id: 1, display_name: "نورة" },
    bookings: [],
    free_gaps: [],
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the calendar feed on the stylist's day", () => {
  test("a stylist sees their own feed's card", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: { id: 1, display_name: "نورة", salon: { id: 1, name: "صالون لمسة الياسمين" } },
      managed_salons: [],
    });
    server.on("GET", "/api/staff/schedule/", schedule());
    server.on("GET", "/api/calendar/feeds/me/", {
      kind: "staff",
      salon_id: 1,
      staff_id: 1,
      name: "نورة في صالون لمسة الياسمين",
      url: "https://salon.example/api/calendar/feeds/token.ics",
      webcal_url: FEED,
      google_calendar_url: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(FEED)}`,
      qr_code: "data:image/svg+xml;charset=utf-8,qr",
      created_at: "2026-11-01T10:00:00+03:00",
      rotated_at: "2026-11-01T10:00:00+03:00",
    });
    renderRoutes(routes, "/staff");

    expect(await screen.findByRole("heading", { level: 2, name: "رابط التقويم" })).toBeInTheDocument();
    expect(await screen.findByLabelText("رابط الاشتراك")).toHaveValue(FEED);
  });

  test("a manager who is not a stylist sees no card of their own", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [{ id: 1, name: "صالون لمسة الياسمين", staff: [{ id: 1, display_name: "نورة" }] }],
    });
    server.on("GET", "/api/staff/schedule/", schedule());
    renderRoutes(routes, "/staff");

    await screen.findByRole("heading", { level: 1, name: "يومي" });
    expect(screen.queryByRole("heading", { name: "رابط التقويم" })).not.toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/calendar/feeds/me/")).toHaveLength(0);
  });
});
