import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { availability, booking, salon, slot } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as BookRoute } from "./book";

// Sunday 22 November 2026, 09:00 in Riyadh.
const NOW = new Date("2026-11-22T06:00:00Z");

const routes = [
  { path: "/salons/:salonId/book", Component: BookRoute },
  { path: "/bookings/:bookingId/pay", element: <p>payment page</p> },
  { path: "/bookings/:bookingId", element: <p>booking page</p> },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a visit of several services", () => {
  test("a second service is added before the time; the times fit both; the review shows each and the sum", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-24": [slot("2026-11-24T10:00:00+03:00")] }),
    );
    server.on("POST", "/api/bookings/", () => json(booking(), 201));
    session.signIn("access-1");
    const { user, router } = renderRoutes(routes, "/salons/3/book?service=25&staff=11&date=2026-11-24");

    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("أضف خدمة أخرى"), "24");

    expect(currentUrl(router)).toBe("/salons/3/book?service=25&staff=11&date=2026-11-24&also=24");
    const visit = screen.getByRole("region", { name: "زيارتك" });
    expect(within(visit).getByRole("button", { name: "إزالة استشوار" })).toBeInTheDocument();
    const times = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    const last = server.requestsTo("GET", "/api/salons/3/availability/").at(-1);
    expect(last?.query.get("services")).toBe("25,24");
    expect(last?.query.get("staff")).toBe("11,11");
    expect(last?.query.has("service")).toBe(false);

    await user.click(await within(times).findByRole("button", { name: "١٠:٠٠ ص" }));

    expect(await screen.findByRole("heading", { level: 1, name: "راجع الحجز وأكّده" })).toBeInTheDocument();
    const review = screen.getByText("الخدمات").nextSibling as HTMLElement;
    expect(
      within(review)
        .getAllByRole("listitem")
        .map((item) => item.firstChild?.textContent),
    ).toEqual(["صبغة شعر كاملة", "استشوار"]);
    expect(screen.getByText("الإجمالي شامل الضريبة").nextSibling?.textContent).toMatch(/١٬٠٣٠٫٠٠/);
    await user.click(screen.getByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByText("payment page")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/")[0]?.body).toEqual({
      items: [
        { service: 25, staff: 11 },
        { service: 24, staff: 11 },
      ],
      start: "2026-11-24T10:00:00+03:00",
      note: "",
    });
  });
});
