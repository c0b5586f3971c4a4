import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { calendar } from "@/features/desk/desk-fixtures";
import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { availability, booking, salon, slot } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as CalendarPage } from "./manage-calendar";

const routes = [{ path: "/manage/:salonId/calendar", Component: CalendarPage }];

// The calendar's 10:00 booking of العنود, as /api/bookings/7/ tells it.
const confirmed = booking({
  id: 7,
  status: "confirmed",
  start: "2026-11-22T10:00:00+03:00",
  end: "2026-11-22T10:45:00+03:00",
  hold_expires_at: null,
  staff: { id: 11, display_name: "العنود" },
  customer: { id: 5, first_name: "نورة", phone_number: "+966500000005" },
  allowed_actions: ["complete", "no_show", "cancel", "reschedule"],
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  // Sunday 22 November 2026, 09:40 in Riyadh.
  vi.setSystemTime(new Date("2026-11-22T06:40:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the desk's calendar", () => {
  test("one column per stylist; bookings are buttons that say time, customer, service and status", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", calendar());
    renderRoutes(routes, "/manage/3/calendar");

    const first = await screen.findByRole("group", { name: "العنود، الأحد، ٢٢ نوفمبر" });
    const second = screen.getByRole("group", { name: "دانة، الأحد، ٢٢ نوفمبر" });
    expect(Object.fromEntries(server.requestsTo("GET", "/api/manage/salons/3/calendar/")[0]!.query)).toEqual({
      start: "2026-11-22",
      days: "1",
    });
    expect(within(first).getByRole("button", { name: "١٠:٠٠ ص نورة – استشوار، مؤكد" })).toBeInTheDocument();
    expect(within(first).getByText("غداء")).toBeInTheDocument();
    expect(
      within(second).getByRole("button", { name: "١٢:٠٠ م سارة – صبغة شعر كاملة، بانتظار التأكيد" }),
    ).toBeInTheDocument();
    // Free slots from the one under way (09:30), none in the past, none over a booking.
    expect(within(first).getByRole("button", { name: "احجز لعميل الساعة ٩:٣٠ ص مع العنود" })).toBeInTheDocument();
    expect(within(first).queryByRole("button", { name: "احجز لعميل الساعة ٩:٠٠ ص مع العنود" })).toBeNull();
    expect(within(first).queryByRole("button", { name: "احجز لعميل الساعة ١٠:٣٠ ص مع العنود" })).toBeNull();
    expect(within(second).getByRole("button", { name: "احجز لعميل الساعة ٢:٣٠ م مع دانة" })).toBeInTheDocument();
    // The colours have a key, in words.
    const legend = screen.getByRole("list", { name: "دليل الألوان" });
    expect(within(legend).getByText("بانتظار التأكيد")).toBeInTheDocument();
    expect(within(legend).getByText("إجازة")).toBeInTheDocument();
  });

  test("a booking tapped opens with what can be done now", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", calendar());
    server.on("GET", "/api/bookings/7/", confirmed);
    const { user } = renderRoutes(routes, "/manage/3/calendar");

    await user.click(await screen.findByRole("button", { name: "١٠:٠٠ ص نورة – استشوار، مؤكد" }));

    const dialog = screen.getByRole("dialog", { name: "الحجز" });
    expect(await within(dialog).findByRole("link", { name: "050 000 0005" })).toHaveAttribute(
      "href",
      "tel:+966500000005",
    );
    expect(within(dialog).getByText("SLN-83MCF")).toBeInTheDocument();
    for (const action of ["تمت الخدمة", "لم يحضر", "نقل", "إلغاء الحجز"]) {
      expect(within(dialog).getByRole("button", { name: action })).toBeInTheDocument();
    }
    expect(within(dialog).queryByRole("button", { name: "تأكيد" })).toBeNull();
  });

  test("a booking moved to another stylist sends the new start and stylist", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", calendar());
    server.on("GET", "/api/bookings/7/", confirmed);
    server.on("GET", "/api/salons/3/", salon);
    server.on("GET", "/api/salons/3/availability/", ({ query }) =>
      json(
        availability("2026-11-22", {
          "2026-11-22": [slot(query.get("staff") === "12" ? "2026-11-22T16:00:00+03:00" : "2026-11-22T11:00:00+03:00")],
        }),
      ),
    );
    server.on("POST", "/api/bookings/7/reschedule/", ({ body }) =>
      json({ ...confirmed, start: (body as { start: string }).start, staff: { id: 12, display_name: "دانة" } }),
    );
    const { user } = renderRoutes(routes, "/manage/3/calendar");

    await user.click(await screen.findByRole("button", { name: "١٠:٠٠ ص نورة – استشوار، مؤكد" }));
    const dialog = screen.getByRole("dialog", { name: "الحجز" });
    await user.click(await within(dialog).findByRole("button", { name: "نقل" }));
    expect(screen.getByRole("dialog", { name: "نقل الحجز" })).toBe(dialog);
    await user.selectOptions(await within(dialog).findByLabelText("المختص"), "دانة");
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    expect(within(dialog).getByText(/الأحد، ٢٢ نوفمبر · ٤:٠٠ م – ٤:٤٥ م، مع دانة/)).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/7/reschedule/")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "انقل الحجز" }));

    expect(await within(dialog).findByText("نُقل الحجز، وسيُبلَّغ العميل.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/7/reschedule/")[0]?.body).toEqual({
      start: "2026-11-22T16:00:00+03:00",
      staff: 12,
    });
    expect(server.requestsTo("GET", "/api/salons/3/availability/").at(-1)?.query.get("staff")).toBe("12");
    // The calendar is fetched again.
    expect(server.requestsTo("GET", "/api/manage/salons/3/calendar/").length).toBeGreaterThan(1);
  });

  test("a free slot tapped books a walk-in there", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", calendar());
    server.on("GET", "/api/salons/3/", salon);
    server.on("POST", "/api/bookings/", ({ body }) => json(booking({ status: "confirmed", ...(body as object) }), 201));
    const { user } = renderRoutes(routes, "/manage/3/calendar");

    await user.click(await screen.findByRole("button", { name: "احجز لعميل الساعة ٤:٠٠ م مع دانة" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع دانة" });
    await user.click(await within(dialog).findByRole("button", { name: /استشوار/ }));
    expect(within(dialog).getByText(/٤:٠٠ م/)).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");
    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("تم الحجز وتأكيده.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/")[0]?.body).toMatchObject({
      service: 24,
      staff: 12,
      start: "2026-11-22T16:00:00+03:00",
    });
  });

  test("a service longer than the free time goes to that day's free times", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", calendar());
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-22": [slot("2026-11-22T14:30:00+03:00", 150, [11])] }, 25),
    );
    const { user } = renderRoutes(routes, "/manage/3/calendar");

    // Free from 09:30 until 10:00: two and a half hours of colour do not fit.
    await user.click(await screen.findByRole("button", { name: "احجز لعميل الساعة ٩:٣٠ ص مع العنود" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع العنود" });
    await user.click(await within(dialog).findByRole("button", { name: /صبغة شعر كاملة/ }));

    expect(within(dialog).getByText("لا تتسع هذه الخدمة للوقت المتاح الذي اخترته. اختر وقتًا آخر.")).toBeInTheDocument();
    expect(await within(dialog).findByRole("button", { name: "٢:٣٠ م" })).toBeInTheDocument();
  });

  test("a walk-in booked on another day than the one shown opens that day", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", ({ query }) =>
      json(calendar({ start: query.get("start")!, days: Number(query.get("days")) })),
    );
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-23": [slot("2026-11-23T14:30:00+03:00", 150, [11])] }, 25),
    );
    server.on("POST", "/api/bookings/", ({ body }) => json(booking({ status: "confirmed", ...(body as object) }), 201));
    const { user, router } = renderRoutes(routes, "/manage/3/calendar?date=2026-11-22&view=day");

    await user.click(await screen.findByRole("button", { name: "احجز لعميل الساعة ٩:٣٠ ص مع العنود" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع العنود" });
    await user.click(await within(dialog).findByRole("button", { name: /صبغة شعر كاملة/ }));
    await user.click(await within(dialog).findByRole("button", { name: /الاثنين، ٢٣ نوفمبر/ }));
    await user.click(await within(dialog).findByRole("button", { name: "٢:٣٠ م" }));
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");
    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("تم الحجز وتأكيده.")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/manage/3/calendar?date=2026-11-23&view=day");
  });

  test("the week, the days before and after, and the stylist shown are in the URL", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/calendar/", ({ query }) =>
      json(calendar({ start: query.get("start")!, days: Number(query.get("days")) })),
    );
    const { user, router } = renderRoutes(routes, "/manage/3/calendar?date=2026-11-24");

    await screen.findByRole("group", { name: "العنود، الثلاثاء، ٢٤ نوفمبر" });
    await user.click(screen.getByRole("button", { name: "أسبوع" }));

    expect(currentUrl(router)).toBe("/manage/3/calendar?date=2026-11-24&view=week");
    // Weeks start on Sunday.
    await screen.findByRole("group", { name: "العنود، السبت، ٢٨ نوفمبر" });
    expect(Object.fromEntries(server.requestsTo("GET", "/api/manage/salons/3/calendar/").at(-1)!.query)).toEqual({
      start: "2026-11-22",
      days: "7",
    });
    expect(screen.getAllByRole("group", { name: /^العنود،/ })).toHaveLength(7);

    await user.click(screen.getByRole("button", { name: "الأسبوع التالي" }));
    expect(currentUrl(router)).toBe("/manage/3/calendar?date=2026-12-01&view=week");
    await user.selectOptions(await screen.findByLabelText("المختصون"), "دانة");
    expect(currentUrl(router)).toBe("/manage/3/calendar?date=2026-12-01&view=week&staff=12");
    expect(await screen.findAllByRole("group", { name: /^دانة،/ })).toHaveLength(7);
    expect(screen.queryAllByRole("group", { name: /^العنود،/ })).toHaveLength(0);
  });
});
