import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { availability, booking, customer, paginated, salon, slot } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as MyBookings } from "./my-bookings";

const RLM = "\u200f";
const NBSP = "\u00a0";
const routes = [{ path: "/bookings", Component: MyBookings }];

const paid = booking({
  status: "confirmed",
  hold_expires_at: null,
  cancellation_deadline: "2026-11-26T10:00:00+03:00",
  start: "2026-11-28T10:00:00+03:00",
  end: "2026-11-28T10:45:00+03:00",
  allowed_actions: ["cancel", "reschedule"],
  payment: {
    id: "pay-1",
    status: "paid",
    amount: 18000,
    currency: "SAR",
    vat_amount: 2348,
    refunded_amount: 0,
    method: "creditcard",
    card_brand: "mada",
    card_last4: "1010",
  },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("my bookings", () => {
  test("each booking shows its reference, status, payment and VAT breakdown", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([paid]));

    renderRoutes(routes, "/bookings");

    const card = await screen.findByRole("article", { name: "استشوار" });
    expect(within(card).getByText("SLN-83MCF")).toBeInTheDocument();
    expect(within(card).getByText("مؤكد")).toBeInTheDocument();
    expect(within(card).getByText("مدفوع · mada •••• 1010")).toBeInTheDocument();
    expect(within(card).getByText("السبت، ٢٨ نوفمبر")).toBeInTheDocument();
    expect(within(card).getByText("قبل الضريبة").nextSibling?.textContent).toBe(`${RLM}١٥٦٫٥٢${NBSP}ر.س.${RLM}`);
    expect(within(card).getByText("ضريبة القيمة المضافة (١٥٪)").nextSibling?.textContent).toBe(
      `${RLM}٢٣٫٤٨${NBSP}ر.س.${RLM}`,
    );
    expect(server.requests[0]?.query.get("upcoming")).toBe("true");
  });

  test("a booking paid online links to its invoice; one not paid online has no invoice", async () => {
    const server = mockFetch();
    server.on(
      "GET",
      "/api/bookings/",
      paginated([paid, booking({ id: 43, service: { ...paid.service, name: "قص" } })]),
    );

    renderRoutes(routes, "/bookings");

    const card = await screen.findByRole("article", { name: "استشوار" });
    expect(within(card).getByRole("link", { name: "الفاتورة" })).toHaveAttribute(
      "href",
      `/bookings/${paid.id}/invoice`,
    );
    const unpaid = screen.getByRole("article", { name: "قص" });
    expect(within(unpaid).queryByRole("link", { name: "الفاتورة" })).not.toBeInTheDocument();
  });

  test("a booking's date, times and cancellation deadline are in its salon's time zone", async () => {
    // Half past midnight in Dubai is still the evening before in Riyadh.
    const dubai = {
      ...paid,
      salon: { id: 8, name: "صالون المرسى", timezone: "Asia/Dubai" },
      start: "2026-11-29T00:30:00+04:00",
      end: "2026-11-29T01:15:00+04:00",
      cancellation_deadline: "2026-11-27T00:30:00+04:00",
    };
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([dubai]));
    const { user } = renderRoutes(routes, "/bookings");

    const card = await screen.findByRole("article", { name: "استشوار" });
    expect(within(card).getByText("الأحد، ٢٩ نوفمبر")).toBeInTheDocument();
    expect(within(card).getByText("١٢:٣٠ ص – ١:١٥ ص")).toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "إلغاء الحجز" }));

    const dialog = screen.getByRole("dialog", { name: "إلغاء هذا الحجز؟" });
    expect(within(dialog).getByText("يمكنك الإلغاء مجانًا حتى الجمعة، ٢٧ نوفمبر، ١٢:٣٠ ص.")).toBeInTheDocument();
  });

  test("only the actions the booking allows are offered", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([booking()]));

    renderRoutes(routes, "/bookings");

    const card = await screen.findByRole("article", { name: "استشوار" });
    expect(within(card).getByRole("link", { name: "ادفع الآن" })).toHaveAttribute("href", "/bookings/1/pay");
    expect(within(card).queryByRole("button", { name: "إلغاء الحجز" })).not.toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: "تغيير الموعد" })).not.toBeInTheDocument();
    expect(within(card).getByText("ادفع خلال ١٥:٠٠ لتحتفظ بهذا الموعد.")).toBeInTheDocument();
  });

  test("cancelling explains the policy and the refund first", async () => {
    let current = paid;
    const server = mockFetch();
    server.on("GET", "/api/bookings/", ({ query }) =>
      json(paginated(query.get("upcoming") === "true" && current.status === "cancelled" ? [] : [current])),
    );
    server.on("POST", "/api/bookings/1/cancel/", () => {
      current = { ...paid, status: "cancelled", allowed_actions: [] };
      return json(current);
    });
    const { user } = renderRoutes(routes, "/bookings");

    await user.click(await screen.findByRole("button", { name: "إلغاء الحجز" }));

    const dialog = screen.getByRole("dialog", { name: "إلغاء هذا الحجز؟" });
    expect(within(dialog).getByText("يمكنك الإلغاء مجانًا حتى الخميس، ٢٦ نوفمبر، ١٠:٠٠ ص.")).toBeInTheDocument();
    expect(within(dialog).getByText(/سيُعاد المبلغ/).textContent).toBe(
      `سيُعاد المبلغ المدفوع عبر الإنترنت (${RLM}١٨٠٫٠٠${NBSP}ر.س.${RLM}) إلى وسيلة الدفع نفسها.`,
    );
    expect(server.requestsTo("POST", "/api/bookings/1/cancel/")).toHaveLength(0);

    await user.click(within(dialog).getByRole("button", { name: "نعم، ألغِ الحجز" }));

    // A cancelled booking is no longer upcoming: it leaves this tab.
    expect(await screen.findByText("ليس لديك حجوزات قادمة.")).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "استشوار" })).not.toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/1/cancel/")[0]?.body).toEqual({ reason: "" });
  });

  test("a past booking of mine offers to book the same salon, service and stylist again", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/me/", customer);
    const done = booking({ status: "completed", allowed_actions: ["review"], hold_expires_at: null });
    server.on("GET", "/api/bookings/", paginated([done]));
    const { user, router } = renderRoutes(
      [...routes, { path: "/salons/:salonId/book", element: <p>booking flow</p> }],
      "/bookings?tab=past",
    );

    const card = await screen.findByRole("article", { name: "استشوار" });
    const again = await within(card).findByRole("link", { name: "احجز مرة أخرى" });
    expect(again).toHaveAttribute("href", "/salons/3/book?service=24&staff=12");
    await user.click(again);
    expect(currentUrl(router)).toBe("/salons/3/book?service=24&staff=12");
    expect(server.requestsTo("GET", "/api/bookings/")[0]?.query.get("upcoming")).toBe("false");
  });

  test("an upcoming booking, or someone else's past one, is not offered again", async () => {
    const server = mockFetch();
    server.on("GET", "/api/auth/me/", { ...customer, id: 99 });
    server.on("GET", "/api/bookings/", paginated([booking({ status: "completed", allowed_actions: [] }), paid]));
    renderRoutes(routes, "/bookings");

    await screen.findAllByRole("article");
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/auth/me/")).toHaveLength(1));
    expect(screen.queryByRole("link", { name: "احجز مرة أخرى" })).not.toBeInTheDocument();
  });

  test("a cancelled booking leaves the upcoming tab at once, before the list is fetched again", async () => {
    const server = mockFetch();
    const other = booking({ ...paid, id: 2, reference: "SLN-22222", service: { ...paid.service, name: "قص" } });
    server.once("GET", "/api/bookings/", paginated([paid, other]));
    // The refetch after the cancellation has not answered yet (a slow network).
    server.on("GET", "/api/bookings/", () => new Promise<Response>(() => {}));
    server.on("POST", "/api/bookings/1/cancel/", { ...paid, status: "cancelled", allowed_actions: [] });
    const { user } = renderRoutes(routes, "/bookings");

    const card = await screen.findByRole("article", { name: "استشوار" });
    await user.click(within(card).getByRole("button", { name: "إلغاء الحجز" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "نعم، ألغِ الحجز" }));

    await waitFor(() => expect(screen.queryByRole("article", { name: "استشوار" })).not.toBeInTheDocument());
    expect(screen.getByRole("article", { name: "قص" })).toBeInTheDocument();
  });

  test("rescheduling reuses the time picker with the same stylist, and changes nothing before a confirmation", async () => {
    let current = paid;
    const server = mockFetch();
    server.on("GET", "/api/bookings/", () => json(paginated([current])));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-29": [slot("2026-11-29T16:00:00+03:00")] }),
    );
    server.on("POST", "/api/bookings/1/reschedule/", ({ body }) => {
      current = { ...paid, start: (body as { start: string }).start, end: "2026-11-29T16:45:00+03:00" };
      return json(current);
    });
    const { user } = renderRoutes(routes, "/bookings");

    await user.click(await screen.findByRole("button", { name: "تغيير الموعد" }));
    const dialog = await screen.findByRole("dialog", { name: "تغيير موعد استشوار" });
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));

    // A tap only chooses: the change is shown, from → to, and waits for a confirmation.
    expect(within(dialog).getByRole("button", { name: "٤:٠٠ م" })).toHaveAttribute("aria-pressed", "true");
    expect(server.requestsTo("POST", "/api/bookings/1/reschedule/")).toHaveLength(0);
    const change = within(dialog).getByRole("region", { name: "مراجعة التغيير" });
    expect(within(change).getByText("الموعد الحالي").nextSibling).toHaveTextContent(
      "السبت، ٢٨ نوفمبر · ١٠:٠٠ ص – ١٠:٤٥ ص",
    );
    expect(within(change).getByText("الموعد الجديد").nextSibling).toHaveTextContent(
      "الأحد، ٢٩ نوفمبر · ٤:٠٠ م – ٤:٤٥ م",
    );
    expect(within(change).getByRole("heading", { name: "مراجعة التغيير" })).toHaveFocus();
    await user.click(within(change).getByRole("button", { name: "تأكيد الموعد الجديد" }));

    expect(server.requestsTo("GET", "/api/salons/3/availability/")[0]?.query.get("staff")).toBe("12");
    expect(server.requestsTo("POST", "/api/bookings/1/reschedule/")[0]?.body).toEqual({
      start: "2026-11-29T16:00:00+03:00",
    });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(await screen.findByText("٤:٠٠ م – ٤:٤٥ م")).toBeInTheDocument();
  });

  test("a completed booking can be reviewed", async () => {
    const completed = booking({ status: "completed", allowed_actions: ["review"], hold_expires_at: null });
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([completed]));
    server.on("POST", "/api/bookings/1/review/", () =>
      json(
        { id: 5, rating: 5, comment: "رائع", customer_first_name: "سارة", service_name: "استشوار", created_at: "" },
        201,
      ),
    );
    const { user } = renderRoutes(routes, "/bookings?tab=past");

    await user.click(await screen.findByRole("button", { name: "قيّم زيارتك" }));
    const dialog = screen.getByRole("dialog", { name: "قيّم استشوار" });
    await user.click(within(dialog).getByRole("radio", { name: "٥ نجوم" }));
    await user.type(within(dialog).getByLabelText("تعليقك (اختياري)"), "رائع");
    await user.click(within(dialog).getByRole("button", { name: "إرسال التقييم" }));

    expect(await within(dialog).findByText("شكرًا لتقييمك!")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/bookings/1/review/")[0]?.body).toEqual({ rating: 5, comment: "رائع" });
    expect(server.requestsTo("GET", "/api/bookings/")[0]?.query.get("upcoming")).toBe("false");
  });

  test("an empty list says so and points to the salons", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([]));

    renderRoutes(routes, "/bookings");

    expect(await screen.findByText("ليس لديك حجوزات قادمة.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "ابحث عن صالون" })).toHaveAttribute("href", "/");
  });

  test("a new time taken meanwhile is dropped from fresh free times, and another one can be chosen", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([paid]));
    server.on("GET", "/api/salons/3/", salon);
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", {
        "2026-11-29": [slot("2026-11-29T16:00:00+03:00"), slot("2026-11-29T17:00:00+03:00")],
      }),
    );
    server.on("POST", "/api/bookings/1/reschedule/", () => apiError(409, "slot_unavailable", "..."));
    const { user } = renderRoutes(routes, "/bookings");
    await user.click(await screen.findByRole("button", { name: "تغيير الموعد" }));
    const dialog = await screen.findByRole("dialog", { name: "تغيير موعد استشوار" });
    await user.click(await within(dialog).findByRole("button", { name: "٤:٠٠ م" }));
    // Someone else takes 4:00 before the customer confirms.
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", { "2026-11-29": [slot("2026-11-29T17:00:00+03:00")] }),
    );

    await user.click(within(dialog).getByRole("button", { name: "تأكيد الموعد الجديد" }));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent("هذا الموعد لم يعد متاحًا.");
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/salons/3/availability/")).toHaveLength(2));
    expect(within(dialog).queryByRole("button", { name: "٤:٠٠ م" })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole("button", { name: "تأكيد الموعد الجديد" })).not.toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "٥:٠٠ م" })).toBeInTheDocument();
  });

  test("an upcoming booking that can no longer be cancelled here says since when", async () => {
    const late = booking({
      status: "confirmed",
      hold_expires_at: null,
      cancellation_deadline: "2026-11-22T08:00:00+03:00",
      start: "2026-11-23T08:00:00+03:00",
      end: "2026-11-23T08:45:00+03:00",
      allowed_actions: [],
    });
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([late, { ...paid, id: 2 }]));

    renderRoutes(routes, "/bookings");

    const cards = await screen.findAllByRole("article", { name: "استشوار" });
    expect(
      within(cards[0]!).getByText(
        "انتهت مدة الإلغاء المجاني في الأحد، ٢٢ نوفمبر، ٨:٠٠ ص. لإلغاء الحجز أو تغيير موعده يُرجى التواصل مع الصالون.",
      ),
    ).toBeInTheDocument();
    expect(within(cards[0]!).queryByRole("button", { name: "إلغاء الحجز" })).not.toBeInTheDocument();
    // Still cancellable, or awaiting payment before the deadline: nothing to explain.
    expect(within(cards[1]!).queryByText(/انتهت مدة الإلغاء المجاني/)).not.toBeInTheDocument();
  });

  test("a cancellation reason keeps its own direction", async () => {
    const cancelled = booking({
      status: "cancelled",
      hold_expires_at: null,
      allowed_actions: [],
      cancellation: { cancelled_at: "2026-11-22T08:00:00+03:00", cancelled_by_role: "salon", reason: "Stylist is ill" },
    });
    const server = mockFetch();
    server.on("GET", "/api/bookings/", paginated([cancelled]));

    renderRoutes(routes, "/bookings?tab=past");

    const reason = await screen.findByText("Stylist is ill");
    expect(reason).toHaveAttribute("dir", "auto");
    expect(reason.parentElement).toHaveTextContent("أُلغي هذا الحجز، والسبب: Stylist is ill");
  });
});
