import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { mockFetch } from "@/testing/fetch-mock";
import { availability, booking, customer, paginated, salon, slot } from "@/testing/fixtures";
import { headingLevelSkips } from "@/testing/headings";
import { renderRoutes } from "@/testing/render";

import { Component as BookRoute } from "./book";
import { Component as MyBookings } from "./my-bookings";
import { Component as Profile } from "./profile";
import { Component as StaffDay } from "./staff-day";

// The pages' headings go down one level at a time (h1 → h2 → h3): screen readers list them as an
// outline. The journeys check the same with axe's `heading-order` in a browser, in both languages.
const routes = [
  { path: "/salons/:salonId/book", Component: BookRoute },
  { path: "/bookings", Component: MyBookings },
  { path: "/staff", Component: StaffDay },
  { path: "/profile", Component: Profile },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("no page skips a heading level", () => {
  test("the booking flow: the service, the time and the review steps", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", {
        "2026-11-24": [slot("2026-11-24T10:00:00+03:00"), slot("2026-11-24T18:00:00+03:00")],
      }),
    );
    server.on("GET", "/api/auth/me/", customer);
    const { unmount } = renderRoutes(routes, "/salons/3/book");
    await screen.findByRole("heading", { name: "شعر" });
    expect(headingLevelSkips()).toEqual([]);
    unmount();

    const time = renderRoutes(routes, "/salons/3/book?service=24&staff=any");
    await screen.findByRole("heading", { name: "الصباح" });
    expect(headingLevelSkips()).toEqual([]);
    time.unmount();

    session.signIn("access-1");
    renderRoutes(routes, "/salons/3/book?service=24&staff=any&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00");
    await screen.findByRole("heading", { name: "سياسة الإلغاء" });
    expect(headingLevelSkips()).toEqual([]);
  });

  test("my bookings, the stylist's day and the profile", async () => {
    session.signIn("access-1");
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([booking({ allowed_actions: ["cancel"] })]));
    server.on("GET", "/api/staff/me/", {
      staff_member: { id: 1, display_name: "نورة", salon: { id: 1, name: "صالون لمسة الياسمين" } },
      managed_salons: [],
    });
    server.on("GET", "/api/staff/schedule/", {
      date: "2026-11-22",
      timezone: "Asia/Riyadh",
      staff: { id: 1, display_name: "نورة" },
      bookings: [booking({ status: "confirmed", allowed_actions: [] })],
      free_gaps: [],
    });
    server.on("GET", "/api/auth/me/", customer);

    const bookings = renderRoutes(routes, "/bookings");
    await screen.findByRole("heading", { name: "استشوار" });
    expect(headingLevelSkips()).toEqual([]);
    bookings.unmount();

    const day = renderRoutes(routes, "/staff");
    await screen.findByRole("article");
    expect(headingLevelSkips()).toEqual([]);
    day.unmount();

    const { user } = renderRoutes(routes, "/profile");
    await user.click(await screen.findByRole("button", { name: "تغيير رقم الجوال" }));
    await screen.findByRole("heading", { name: "تغيير رقم جوالك" });
    expect(headingLevelSkips()).toEqual([]);
  });

  test("the check itself finds a skipped level", () => {
    document.body.innerHTML = "<h1>Page</h1><h2>Section</h2><h4>Too deep</h4><h2>Next</h2><h3>Fine</h3>";
    expect(headingLevelSkips()).toEqual(["h2 → h4 «Too deep»"]);
    document.body.innerHTML = "";
  });
});
