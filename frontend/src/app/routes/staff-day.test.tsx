import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { availability, booking, salon, slot } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { Booking } from "@/types/models";

import { Component as StaffDay } from "./staff-day";

const routes = [{ path: "/staff", Component: StaffDay }];

const started = booking({
  id: 7,
  status: "confirmed",
  start: "2026-11-22T08:30:00+03:00",
  end: "2026-11-22T09:15:00+03:00",
  hold_expires_at: null,
  note: "حساسية من العطور",
  allowed_actions: ["complete", "no_show", "cancel"],
});

function schedule(bookings: Booking[]) {
  return {
    date: "2026-11-22",
    timezone: "Asia/Riyadh",
    staff: { id: 1, display_name: "نورة" },
    bookings,
    free_gaps: [{ start: "2026-11-22T09:15:00+03:00", end: "2026-11-22T12:00:00+03:00" }],
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

describe("a stylist's day", () => {
  test("lists bookings and free gaps; a started booking can be marked completed", async () => {
    let current = started;
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: { id: 1, display_name: "نورة", salon: { id: 1, name: "صالون لمسة الياسمين" } },
      managed_salons: [],
    });
    server.on("GET", "/api/staff/schedule/", () => json(schedule([current])));
    server.on("POST", "/api/bookings/7/complete/", () => {
      current = { ...started, status: "completed", allowed_actions: [] };
      return json(current);
    });
    const { user } = renderRoutes(routes, "/staff");

    const item = await screen.findByRole("article", { name: "٨:٣٠ ص – ٩:١٥ ص" });
    expect(within(item).getByText(/سارة/)).toBeInTheDocument();
    expect(within(item).getByRole("link", { name: "050 000 0001" })).toHaveAttribute("href", "tel:+966500000001");
    // The customer's note keeps its own direction (it may be in either language).
    const note = within(item).getByText("حساسية من العطور");
    expect(note).toHaveAttribute("dir", "auto");
    expect(note.parentElement).toHaveTextContent("ملاحظة: حساسية من العطور");
    expect(screen.getByText("وقت متاح ٩:١٥ ص – ١٢:٠٠ م")).toBeInTheDocument();
    expect(screen.getByText("اليوم")).toBeInTheDocument();
    // A stylist sees their own day: no staff parameter.
    expect(Object.fromEntries(server.requestsTo("GET", "/api/staff/schedule/")[0]!.query)).toEqual({
      date: "2026-11-22",
    });

    await user.click(within(item).getByRole("button", { name: "تمت الخدمة" }));

    expect(await within(item).findByText("مكتمل")).toBeInTheDocument();
    expect(within(item).queryByRole("button", { name: "تمت الخدمة" })).not.toBeInTheDocument();
  });

  test("cancelling for the salon needs a reason", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: { id: 1, display_name: "نورة", salon: { id: 1, name: "صالون لمسة الياسمين" } },
      managed_salons: [],
    });
    server.on("GET", "/api/staff/schedule/", schedule([started]));
    server.on("POST", "/api/bookings/7/cancel/", () => json({ ...started, status: "cancelled", allowed_actions: [] }));
    const { user } = renderRoutes(routes, "/staff");

    await user.click(await screen.findByRole("button", { name: "إلغاء الحجز" }));
    const dialog = screen.getByRole("dialog", { name: "إلغاء هذا الحجز؟" });
    await user.click(within(dialog).getByRole("button", { name: "نعم، ألغِ الحجز" }));
    expect(within(dialog).getByText("اكتب سبب الإلغاء.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/7/cancel/")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText("السبب (يظهر للعميل)"), "المختصة مريضة");
    await user.click(within(dialog).getByRole("button", { name: "نعم، ألغِ الحجز" }));

    await vi.waitFor(() =>
      expect(server.requestsTo("POST", "/api/bookings/7/cancel/")[0]?.body).toEqual({ reason: "المختصة مريضة" }),
    );
  });

  test("a manager switches between the salon's stylists and days", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [
        {
          id: 1,
          name: "صالون لمسة الياسمين",
          staff: [
            { id: 1, display_name: "نورة" },
            { id: 2, display_name: "ريم" },
          ],
        },
      ],
    });
    server.on("GET", "/api/staff/schedule/", schedule([]));
    const { user, router } = renderRoutes(routes, "/staff");

    expect(await screen.findByText("وقت متاح ٩:١٥ ص – ١٢:٠٠ م")).toBeInTheDocument();
    expect(Object.fromEntries(server.requestsTo("GET", "/api/staff/schedule/")[0]!.query)).toEqual({
      date: "2026-11-22",
      staff: "1",
    });
    await user.selectOptions(screen.getByLabelText("المختص"), "ريم");
    await user.click(screen.getByRole("button", { name: "اليوم التالي" }));

    expect(currentUrl(router)).toBe("/staff?staff=2&date=2026-11-23");
    await vi.waitFor(() =>
      expect(Object.fromEntries(server.requestsTo("GET", "/api/staff/schedule/").at(-1)!.query)).toEqual({
        date: "2026-11-23",
        staff: "2",
      }),
    );
    expect(screen.getByText("الاثنين، ٢٣ نوفمبر")).toBeInTheDocument();
    expect(screen.getByText("١٣ جمادى الآخرة ١٤٤٨ هـ")).toBeInTheDocument();
  });

  test("a manager books a phone customer: service, free time, then the customer's number", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [{ id: 3, name: salon.name, staff: [{ id: 12, display_name: "دانة" }] }],
    });
    server.on("GET", "/api/staff/schedule/", schedule([]));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-22": [slot("2026-11-22T16:00:00+03:00", 45, [12])] }),
    );
    server.on("POST", "/api/bookings/", ({ body }) => json(booking({ status: "confirmed", ...(body as object) }), 201));
    const { user } = renderRoutes(routes, "/staff");

    await user.click(await screen.findByRole("button", { name: "حجز جديد لعميل" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع دانة" });
    // Only the services this stylist offers.
    expect(await within(dialog).findByRole("button", { name: /استشوار/ })).toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: /صبغة شعر كاملة/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: /استشوار/ }));
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");
    await user.type(within(dialog).getByLabelText("اسم العميل (اختياري)"), "منى");
    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("تم الحجز وتأكيده.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/")[0]?.body).toEqual({
      service: 24,
      staff: 12,
      start: "2026-11-22T16:00:00+03:00",
      customer_phone: "0551234567",
      customer_name: "منى",
      note: "",
    });
    expect(server.requestsTo("GET", "/api/salons/3/availability/")[0]?.query.get("staff")).toBe("12");
  });

  test("a day view left open never lists free time that has passed", async () => {
    vi.setSystemTime(new Date("2026-11-22T07:30:00Z")); // 10:30 in Riyadh
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: { id: 1, display_name: "نورة", salon: { id: 1, name: "صالون لمسة الياسمين" } },
      managed_salons: [],
    });
    server.on("GET", "/api/staff/schedule/", {
      ...schedule([]),
      free_gaps: [
        { start: "2026-11-22T08:00:00+03:00", end: "2026-11-22T09:00:00+03:00" },
        { start: "2026-11-22T09:15:00+03:00", end: "2026-11-22T12:00:00+03:00" },
        { start: "2026-11-22T16:00:00+03:00", end: "2026-11-22T21:00:00+03:00" },
      ],
    });
    renderRoutes(routes, "/staff");

    expect(await screen.findByText("وقت متاح ١٠:٣٠ ص – ١٢:٠٠ م")).toBeInTheDocument();
    expect(screen.getByText("وقت متاح ٤:٠٠ م – ٩:٠٠ م")).toBeInTheDocument();
    expect(screen.queryByText(/٨:٠٠ ص/)).not.toBeInTheDocument();
    expect(screen.getAllByText(/^وقت متاح/)).toHaveLength(2);
  });

  test("after a walk-in is booked on another day, the day view shows that day", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [{ id: 3, name: salon.name, staff: [{ id: 12, display_name: "دانة" }] }],
    });
    server.on("GET", "/api/staff/schedule/", schedule([]));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-24": [slot("2026-11-24T16:00:00+03:00", 45, [12])] }),
    );
    server.on("POST", "/api/bookings/", ({ body }) => json(booking({ status: "confirmed", ...(body as object) }), 201));
    const { user } = renderRoutes(routes, "/staff?date=2026-11-22");
    await user.click(await screen.findByRole("button", { name: "حجز جديد لعميل" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع دانة" });
    await user.click(await within(dialog).findByRole("button", { name: /استشوار/ }));
    await user.click(await within(dialog).findByRole("button", { name: /الثلاثاء، ٢٤ نوفمبر/ }));
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");

    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("تم الحجز وتأكيده.")).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(server.requestsTo("GET", "/api/staff/schedule/").at(-1)?.query.get("date")).toBe("2026-11-24"),
    );
    // The year is written only for a day outside the current year (docs/frontend.md, "Numbers, money and dates").
    expect(
      screen.getByText(`الثلاثاء، ٢٤ نوفمبر${new Date().getFullYear() === 2026 ? "" : " ٢٠٢٦"}`),
    ).toBeInTheDocument();
  });

  test("a walk-in time taken meanwhile sends the manager back to fresh times", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [{ id: 3, name: salon.name, staff: [{ id: 12, display_name: "دانة" }] }],
    });
    server.on("GET", "/api/staff/schedule/", schedule([]));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", {
        "2026-11-22": [slot("2026-11-22T16:00:00+03:00", 45, [12]), slot("2026-11-22T17:00:00+03:00", 45, [12])],
      }),
    );
    server.on("POST", "/api/bookings/", () => apiError(409, "slot_unavailable", "..."));
    const { user } = renderRoutes(routes, "/staff");
    await user.click(await screen.findByRole("button", { name: "حجز جديد لعميل" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع دانة" });
    await user.click(await within(dialog).findByRole("button", { name: /استشوار/ }));
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");

    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("عذرًا، حُجز هذا الوقت للتو")).toBeInTheDocument();
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/salons/3/availability/")).toHaveLength(2));
    expect(within(dialog).queryByRole("button", { name: "٤:٠٠ م" })).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "٥:٠٠ م" })).toBeInTheDocument();
  });

  test("a walk-in customer's number is checked, and the error announced", async () => {
    const server = mockFetch();
    server.on("GET", "/api/staff/me/", {
      staff_member: null,
      managed_salons: [{ id: 3, name: salon.name, staff: [{ id: 12, display_name: "دانة" }] }],
    });
    server.on("GET", "/api/staff/schedule/", schedule([]));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-22": [slot("2026-11-22T16:00:00+03:00", 45, [12])] }),
    );
    const { user } = renderRoutes(routes, "/staff");
    await user.click(await screen.findByRole("button", { name: "حجز جديد لعميل" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع دانة" });
    await user.click(await within(dialog).findByRole("button", { name: /استشوار/ }));
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0112106677");

    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(within(dialog).getByRole("alert")).toHaveTextContent("أدخل رقم جوال سعوديًا مثل 05XXXXXXXX.");
    expect(within(dialog).getByLabelText("رقم جوال العميل")).toHaveAccessibleDescription(
      "أدخل رقم جوال سعوديًا مثل 05XXXXXXXX.",
    );
    expect(server.requestsTo("POST", "/api/bookings/")).toHaveLength(0);
  });
});
