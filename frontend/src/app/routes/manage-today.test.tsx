import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { calendar } from "@/features/desk/desk-fixtures";
import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { booking, paginated, salon } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";
import type { Booking } from "@/types/models";

import { Component as Today } from "./manage-today";

const routes = [{ path: "/manage/:salonId/today", Component: Today }];

// Sunday 22 November 2026, 09:00 in Riyadh.
const started = booking({
  id: 7,
  status: "confirmed",
  start: "2026-11-22T08:30:00+03:00",
  end: "2026-11-22T09:15:00+03:00",
  hold_expires_at: null,
  staff: { id: 11, display_name: "العنود" },
  customer: { id: 5, first_name: "نورة", phone_number: "+966500000005" },
  allowed_actions: ["complete", "no_show", "cancel", "reschedule"],
});
const toConfirm = booking({
  id: 8,
  status: "pending",
  start: "2026-11-22T12:00:00+03:00",
  end: "2026-11-22T14:30:00+03:00",
  hold_expires_at: null,
  service: { id: 25, name: "صبغة شعر كاملة", duration_minutes: 150 },
  allowed_actions: ["confirm", "cancel", "reschedule"],
});

function serve(bookings: { current: Booking[] }) {
  const server = mockFetch();
  server.on("GET", "/api/manage/salons/3/calendar/", calendar());
  server.on("GET", "/api/manage/salons/3/bookings/", ({ query }) =>
    json(paginated(bookings.current.filter((b) => !query.get("status") || b.status === query.get("status")))),
  );
  const answer = (id: number, changes: Partial<Booking>) => () => {
    bookings.current = bookings.current.map((b) => (b.id === id ? { ...b, ...changes } : b));
    return json(bookings.current.find((b) => b.id === id));
  };
  server.on("POST", "/api/bookings/8/confirm/", answer(8, { status: "confirmed", allowed_actions: ["cancel"] }));
  server.on("POST", "/api/bookings/7/complete/", answer(7, { status: "completed", allowed_actions: [] }));
  server.on("POST", "/api/bookings/7/no-show/", answer(7, { status: "no_show", allowed_actions: [] }));
  return server;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the desk's Today", () => {
  test("the day's bookings in time order; what waits for the salon is confirmed in one tap", async () => {
    const bookings = { current: [toConfirm, started] };
    const server = serve(bookings);
    const { user } = renderRoutes(routes, "/manage/3/today");

    const day = await screen.findByRole("region", { name: "حجوزات اليوم" });
    const items = await within(day).findAllByRole("article");
    expect(items.map((item) => within(item).getByRole("heading").textContent)).toEqual([
      "٨:٣٠ ص – ٩:١٥ ص",
      "١٢:٠٠ م – ٢:٣٠ م",
    ]);
    expect(within(day).getByText("حجزان")).toBeInTheDocument();
    expect(Object.fromEntries(server.requestsTo("GET", "/api/manage/salons/3/bookings/")[0]!.query)).toEqual({
      from: "2026-11-22",
      to: "2026-11-22",
      page_size: "100",
    });

    const waiting = screen.getByRole("region", { name: "بانتظارك" });
    const pending = await within(waiting).findByRole("article", { name: "الأحد، ٢٢ نوفمبر · ١٢:٠٠ م – ٢:٣٠ م" });
    expect(within(pending).getByText("بانتظار تأكيدك.")).toBeInTheDocument();
    await user.click(within(pending).getByRole("button", { name: "تأكيد" }));

    expect(server.requestsTo("POST", "/api/bookings/8/confirm/")).toHaveLength(1);
    // Every list of the desk is fetched again: the booking leaves what waits.
    expect(await within(waiting).findByText("لا توجد حجوزات بانتظار التأكيد أو الدفع.")).toBeInTheDocument();
    expect(within(items[1]!).getByText("مؤكد")).toBeInTheDocument();
  });

  test("a started booking is completed in one tap; a no-show is asked first", async () => {
    const bookings = {
      current: [started, { ...started, id: 9, start: "2026-11-22T08:00:00+03:00", end: "2026-11-22T08:45:00+03:00" }],
    };
    const server = serve(bookings);
    server.on("POST", "/api/bookings/9/complete/", () => json({ ...started, id: 9, status: "completed" }));
    const { user } = renderRoutes(routes, "/manage/3/today");

    const first = await screen.findByRole("article", { name: "٨:٣٠ ص – ٩:١٥ ص" });
    await user.click(within(first).getByRole("button", { name: "لم يحضر" }));
    const dialog = screen.getByRole("dialog", { name: "تسجيل نورة كمن لم يحضر؟" });
    expect(server.requestsTo("POST", "/api/bookings/7/no-show/")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "نعم، لم يحضر" }));

    expect(await within(first).findByText("لم يحضر", { selector: ".desk-status" })).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/7/no-show/")).toHaveLength(1);

    const second = screen.getByRole("article", { name: "٨:٠٠ ص – ٨:٤٥ ص" });
    await user.click(within(second).getByRole("button", { name: "تمت الخدمة" }));
    expect(server.requestsTo("POST", "/api/bookings/9/complete/")).toHaveLength(1);
  });

  test("each stylist's next free time, and a walk-in booked into it", async () => {
    const server = serve({ current: [] });
    server.on("GET", "/api/salons/3/", salon);
    server.on("POST", "/api/bookings/", ({ body }) => json(booking({ status: "confirmed", ...(body as object) }), 201));
    const { user } = renderRoutes(routes, "/manage/3/today");

    const free = await screen.findByRole("region", { name: "أقرب الأوقات المتاحة" });
    expect(await within(free).findByText(/متاحة من ٩:٠٠ ص إلى ١٠:٠٠ ص/)).toBeInTheDocument();
    expect(within(free).getByText(/متاحة من ٢:٣٠ م إلى ٨:٠٠ م/)).toBeInTheDocument();
    expect(screen.getByText("لا توجد حجوزات اليوم بعد.")).toBeInTheDocument();

    await user.click(within(free).getByRole("button", { name: "احجز لعميل الساعة ٩:٠٠ ص مع العنود" }));
    const dialog = screen.getByRole("dialog", { name: "حجز جديد مع العنود" });
    await user.click(await within(dialog).findByRole("button", { name: /استشوار/ }));
    // The tapped time is kept: straight to the customer.
    await user.type(within(dialog).getByLabelText("رقم جوال العميل"), "0551234567");
    await user.click(within(dialog).getByRole("button", { name: "احجز" }));

    expect(await within(dialog).findByText("تم الحجز وتأكيده.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/")[0]?.body).toEqual({
      service: 24,
      staff: 11,
      start: "2026-11-22T09:00:00+03:00",
      customer_phone: "0551234567",
      customer_name: "",
      note: "",
    });
  });
});
