import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { availability, booking, customer, salon, slot } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as BookRoute } from "./book";
import { Component as BookingDetail } from "./booking-detail";

const RLM = "\u200f";
const NBSP = "\u00a0";
// Sunday 22 November 2026, 09:00 in Riyadh: the date strip starts today.
const NOW = new Date("2026-11-22T06:00:00Z");

const routes = [
  { path: "/salons/:salonId/book", Component: BookRoute },
  { path: "/bookings/:bookingId/pay", element: <p>payment page</p> },
  { path: "/bookings/:bookingId", element: <p>booking page</p> },
];

function serveSalon() {
  const server = mockFetch();
  server.on("GET", "/api/salons/3/", salon);
  server.on(
    "GET",
    "/api/salons/3/availability/",
    availability("2026-11-22", {
      "2026-11-24": [
        slot("2026-11-24T10:00:00+03:00"),
        slot("2026-11-24T13:30:00+03:00"),
        slot("2026-11-24T18:00:00+03:00"),
      ],
      "2026-11-25": [slot("2026-11-25T09:00:00+03:00")],
    }),
  );
  return server;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the booking flow", () => {
  test("service → any stylist → time → sign in in place → confirm → payment, with the selection in the URL", async () => {
    const server = serveSalon();
    server.on("POST", "/api/auth/phone/request/", () =>
      json(
        {
          request_id: "req-1",
          expires_at: "2026-11-22T09:05:00+03:00",
          resend_available_at: "2026-11-22T09:01:00+03:00",
        },
        201,
      ),
    );
    server.on("POST", "/api/auth/phone/verify/", { access: "access-1", user: customer, created: false });
    server.on("POST", "/api/bookings/", () => json(booking(), 201));
    const { user, router } = renderRoutes(routes, "/salons/3/book");

    // Step 1: the service. The steps are numbered with Arabic-Indic digits.
    expect(await screen.findByRole("heading", { level: 1, name: "اختر الخدمة" })).toBeInTheDocument();
    expect(
      [...screen.getByRole("list", { name: "خطوات الحجز" }).querySelectorAll(".stepper__number")].map(
        (number) => number.textContent,
      ),
    ).toEqual(["١", "٢", "٣", "٤", "٥"]);
    await user.click(screen.getByRole("button", { name: /استشوار/ }));
    expect(currentUrl(router)).toBe("/salons/3/book?service=24");

    // Step 2: the stylist; only those who offer the service are listed.
    expect(await screen.findByRole("heading", { level: 1, name: "اختر المختص" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /غادة/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: /دانة/ })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /أي مختص متاح/ }));
    expect(currentUrl(router)).toBe("/salons/3/book?service=24&staff=any");

    // Step 3: two weeks from Sunday; each day says whether it has free times, with its Hijri date.
    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    const days = await screen.findByRole("list", { name: "الأيام" });
    await waitFor(() =>
      expect(within(days).getByRole("button", { name: /الثلاثاء، ٢٤ نوفمبر/ })).toHaveAccessibleName(
        "الثلاثاء، ٢٤ نوفمبر (١٤ جمادى الآخرة ١٤٤٨ هـ)، أوقات متاحة",
      ),
    );
    expect(within(days).getAllByRole("button")).toHaveLength(14);
    // A full day stays open: it offers the waitlist instead of times.
    expect(within(days).getByRole("button", { name: /الاثنين، ٢٣ نوفمبر/ })).toHaveAccessibleName(/محجوز بالكامل/);
    const [availabilityRequest] = server.requestsTo("GET", "/api/salons/3/availability/");
    expect(Object.fromEntries(availabilityRequest!.query)).toEqual({ service: "24", date: "2026-11-22", days: "14" });

    // The first day with free times is open, its times grouped by part of the day.
    const times = screen.getByRole("region", { name: "الأوقات المتاحة" });
    expect(within(times).getByRole("heading", { name: /الثلاثاء، ٢٤ نوفمبر/ })).toHaveTextContent(
      "١٤ جمادى الآخرة ١٤٤٨ هـ",
    );
    expect(within(within(times).getByRole("list", { name: "الصباح" })).getByRole("button")).toHaveTextContent(
      "١٠:٠٠ ص",
    );
    expect(within(within(times).getByRole("list", { name: "بعد الظهر" })).getByRole("button")).toHaveTextContent(
      "١:٣٠ م",
    );
    expect(within(within(times).getByRole("list", { name: "المساء" })).getByRole("button")).toHaveTextContent("٦:٠٠ م");
    await user.click(within(times).getByRole("button", { name: "١٠:٠٠ ص" }));
    expect(currentUrl(router)).toBe(
      "/salons/3/book?service=24&staff=any&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );

    // Step 4: sign in without leaving the flow (Arabic-Indic digits are fine).
    expect(await screen.findByRole("heading", { level: 1, name: "سجّل الدخول لإتمام الحجز" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("رقم الجوال"), "٠٥٠٠٠٠٠٠٠١");
    expect(screen.getByLabelText("رقم الجوال")).toHaveValue("0500000001");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));
    expect(server.requestsTo("POST", "/api/auth/phone/request/")[0]?.body).toEqual({
      phone_number: "0500000001",
      channel: "sms",
    });
    const [verify] = server.requestsTo("POST", "/api/auth/phone/verify/");
    expect(verify?.body).toEqual({ request_id: "req-1", code: "123456" });
    expect(verify?.headers.get("X-Auth-Cookie")).toBe("1");

    // Step 5: review everything, including the price with VAT and the cancellation policy.
    expect(await screen.findByRole("heading", { level: 1, name: "راجع الحجز وأكّده" })).toBeInTheDocument();
    expect(screen.getByText("الإجمالي شامل الضريبة").nextSibling?.textContent).toBe(`${RLM}١٨٠٫٠٠${NBSP}ر.س.${RLM}`);
    expect(screen.getByText("أي مختص متاح", { selector: "dd" })).toBeInTheDocument();
    expect(screen.getByText("١٠:٠٠ ص – ١٠:٤٥ ص")).toBeInTheDocument();
    expect(screen.getByText("يمكنك إلغاء الحجز أو تغيير موعده مجانًا حتى ٤٨ ساعة قبل بدايته.")).toBeInTheDocument();
    expect(
      screen.getByText("يطلب هذا الصالون الدفع عبر الإنترنت. نحجز لك الموعد ١٥ دقيقة ريثما تدفع."),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText("ملاحظة للصالون (اختياري)"), "شعر طويل");
    await user.click(screen.getByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByText("payment page")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/bookings/1/pay");
    const [create] = server.requestsTo("POST", "/api/bookings/");
    expect(create?.body).toEqual({ service: 24, staff: null, start: "2026-11-24T10:00:00+03:00", note: "شعر طويل" });
    expect(create?.headers.get("Authorization")).toBe("Bearer access-1");
  });

  test("a reload resumes at the step the URL describes, with that stylist's free times", async () => {
    const server = serveSalon();

    renderRoutes(routes, "/salons/3/book?service=24&staff=12&date=2026-11-25");

    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    const times = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    expect(within(times).getByRole("heading", { name: /الأربعاء، ٢٥ نوفمبر/ })).toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/salons/3/availability/")[0]?.query.get("staff")).toBe("12");
    expect(document.querySelector(".selection-summary")).toHaveTextContent(/^استشوار · دانة$/);
  });

  test("a service the salon does not offer sends the flow back to choosing a service", async () => {
    serveSalon();

    renderRoutes(routes, "/salons/3/book?service=999&staff=any");

    expect(await screen.findByRole("heading", { level: 1, name: "اختر الخدمة" })).toBeInTheDocument();
  });

  test("going back to an earlier step forgets what came after it", async () => {
    serveSalon();
    session.signIn("access-1");
    const { user, router } = renderRoutes(
      routes,
      "/salons/3/book?service=24&staff=12&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );

    await user.click(await screen.findByRole("button", { name: "تغيير: المختص" }));

    expect(currentUrl(router)).toBe("/salons/3/book?service=24&date=2026-11-24");
    expect(await screen.findByRole("heading", { level: 1, name: "اختر المختص" })).toBeInTheDocument();
  });

  test("when the time was taken meanwhile, it says so and offers fresh times", async () => {
    const server = serveSalon();
    server.on("POST", "/api/bookings/", () => apiError(409, "slot_unavailable", "هذا الموعد لم يعد متاحًا."));
    session.signIn("access-1");
    const { user, router } = renderRoutes(
      routes,
      "/salons/3/book?service=24&staff=any&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );
    await screen.findByRole("heading", { level: 1, name: "راجع الحجز وأكّده" });
    // Someone else took 10:00; the server now offers other times.
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", {
        "2026-11-24": [
          slot("2026-11-24T10:30:00+03:00"),
          slot("2026-11-24T11:00:00+03:00"),
          slot("2026-11-24T16:00:00+03:00"),
          slot("2026-11-24T19:00:00+03:00"),
        ],
      }),
    );

    await user.click(screen.getByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    expect(screen.getByText("عذرًا، حُجز هذا الوقت للتو")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/salons/3/book?service=24&staff=any&date=2026-11-24");
    const nearest = await screen.findByRole("region", { name: "أقرب الأوقات المتاحة" });
    expect(
      within(nearest)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["الثلاثاء، ٢٤ نوفمبر، ١٠:٣٠ ص", "الثلاثاء، ٢٤ نوفمبر، ١١:٠٠ ص", "الثلاثاء، ٢٤ نوفمبر، ٤:٠٠ م"]);
    const times = screen.getByRole("region", { name: "الأوقات المتاحة" });
    expect(within(times).queryByRole("button", { name: "١٠:٠٠ ص" })).not.toBeInTheDocument();

    await user.click(within(nearest).getByRole("button", { name: /١٠:٣٠ ص/ }));
    expect(currentUrl(router)).toBe(
      "/salons/3/book?service=24&staff=any&date=2026-11-24&start=2026-11-24T10%3A30%3A00%2B03%3A00",
    );
  });

  test("a booking that overlaps one of the customer's own says so and links to them", async () => {
    const server = serveSalon();
    server.on("POST", "/api/bookings/", () => apiError(409, "customer_overlap", "..."));
    session.signIn("access-1");
    const { user } = renderRoutes(
      routes,
      "/salons/3/book?service=24&staff=12&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );

    await user.click(await screen.findByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("لديك حجز آخر في هذا الوقت.");
    expect(screen.getByRole("link", { name: "عرض حجوزاتي" })).toHaveAttribute("href", "/bookings");
    expect(server.requestsTo("POST", "/api/bookings/")[0]?.body).toMatchObject({ staff: 12 });
  });

  test("a new customer gives a name before reviewing the booking", async () => {
    const server = serveSalon();
    server.on("POST", "/api/auth/phone/request/", () =>
      json(
        {
          request_id: "req-1",
          expires_at: "2026-11-22T09:05:00+03:00",
          resend_available_at: "2026-11-22T09:01:00+03:00",
        },
        201,
      ),
    );
    server.on("POST", "/api/auth/phone/verify/", {
      access: "access-1",
      user: { ...customer, first_name: "", last_name: "" },
      created: true,
    });
    server.on("PATCH", "/api/auth/me/", ({ body }) => json({ ...customer, ...(body as object) }));
    const { user } = renderRoutes(
      routes,
      "/salons/3/book?service=24&staff=12&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );
    await user.type(await screen.findByLabelText("رقم الجوال"), "0551234567");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    expect(await screen.findByText("أهلًا بك! بماذا نناديك؟")).toBeInTheDocument();
    await user.type(screen.getByLabelText("الاسم الأول"), "ريم");
    await user.click(screen.getByRole("button", { name: "متابعة" }));

    expect(await screen.findByRole("heading", { level: 1, name: "راجع الحجز وأكّده" })).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/auth/me/")[0]?.body).toEqual({ first_name: "ريم", last_name: "" });
  });

  test("a time taken meanwhile is not offered again, although its free times were fetched moments before", async () => {
    const server = serveSalon();
    server.on("POST", "/api/bookings/", () => apiError(409, "slot_unavailable", "هذا الموعد لم يعد متاحًا."));
    session.signIn("access-1");
    const { user, router } = renderRoutes(routes, "/salons/3/book?service=24&staff=any");
    // The customer picks 10:00 from the free times (now in the cache for 15 seconds)…
    const times = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    await user.click(within(times).getByRole("button", { name: "١٠:٠٠ ص" }));
    await screen.findByRole("heading", { level: 1, name: "راجع الحجز وأكّده" });
    // …and someone else books it before the customer confirms.
    server.on(
      "GET",
      "/api/salons/3/availability/",
      availability("2026-11-22", {
        "2026-11-24": [slot("2026-11-24T10:30:00+03:00"), slot("2026-11-24T18:00:00+03:00")],
      }),
    );

    await user.click(screen.getByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByText("عذرًا، حُجز هذا الوقت للتو")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/salons/3/book?service=24&staff=any&date=2026-11-24");
    const fresh = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    await waitFor(() => expect(within(fresh).getByRole("button", { name: "١٠:٣٠ ص" })).toBeInTheDocument());
    expect(within(fresh).queryByRole("button", { name: "١٠:٠٠ ص" })).not.toBeInTheDocument();
    expect(within(fresh).queryByRole("button", { name: "١:٣٠ م" })).not.toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/salons/3/availability/")).toHaveLength(2);
  });

  test("the taken time stays hidden even when the fresh free times still list it", async () => {
    const server = serveSalon();
    server.on("POST", "/api/bookings/", () => apiError(409, "slot_unavailable", "هذا الموعد لم يعد متاحًا."));
    session.signIn("access-1");
    const { user } = renderRoutes(routes, "/salons/3/book?service=24&staff=any");
    const times = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    await user.click(within(times).getByRole("button", { name: "١٠:٠٠ ص" }));

    await user.click(await screen.findByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByText("عذرًا، حُجز هذا الوقت للتو")).toBeInTheDocument();
    await waitFor(() => expect(server.requestsTo("GET", "/api/salons/3/availability/")).toHaveLength(2));
    const fresh = screen.getByRole("region", { name: "الأوقات المتاحة" });
    expect(within(fresh).getByRole("button", { name: "١:٣٠ م" })).toBeInTheDocument();
    expect(within(fresh).queryByRole("button", { name: "١٠:٠٠ ص" })).not.toBeInTheDocument();
  });

  test.each([
    ["start_in_past", 400, "مضى هذا الوقت. إليك أقرب الأوقات المتاحة."],
    ["lead_time_not_met", 400, "أصبح هذا الوقت قريبًا جدًا ولا يمكن حجزه الآن. إليك أقرب الأوقات المتاحة."],
    ["slot_not_on_grid", 400, "تغيّرت أوقات الصالون ولم يعد هذا الوقت بينها. إليك أقرب الأوقات المتاحة."],
    ["beyond_booking_horizon", 400, "هذا التاريخ أبعد مما يقبله الصالون للحجز الآن. إليك أقرب الأوقات المتاحة."],
  ])("a time refused with %s goes back to fresh times and says why", async (code, status, text) => {
    const server = serveSalon();
    server.on("POST", "/api/bookings/", () => apiError(status, code, "..."));
    session.signIn("access-1");
    const { user, router } = renderRoutes(routes, "/salons/3/book?service=24&staff=any");
    const times = await screen.findByRole("region", { name: "الأوقات المتاحة" });
    await user.click(within(times).getByRole("button", { name: "١٠:٠٠ ص" }));

    await user.click(await screen.findByRole("button", { name: "التأكيد والدفع" }));

    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    expect(screen.getByText("لم يعد بالإمكان حجز هذا الوقت")).toBeInTheDocument();
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/salons/3/book?service=24&staff=any&date=2026-11-24");
    await waitFor(() => expect(server.requestsTo("GET", "/api/salons/3/availability/")).toHaveLength(2));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  test("an old link whose time has passed opens the time step instead of the review", async () => {
    serveSalon();
    session.signIn("access-1");

    // 08:00 today, an hour ago.
    renderRoutes(routes, "/salons/3/book?service=24&staff=12&date=2026-11-22&start=2026-11-22T08%3A00%3A00%2B03%3A00");

    expect(await screen.findByRole("heading", { level: 1, name: "اختر اليوم والوقت" })).toBeInTheDocument();
    expect(screen.getByText("مضى هذا الوقت. إليك أقرب الأوقات المتاحة.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "التأكيد والدفع" })).not.toBeInTheDocument();
  });

  test("the date strip shows fourteen days from today, in weeks that start on Sunday", async () => {
    // Wednesday 25 November 2026, 09:00 in Riyadh.
    vi.setSystemTime(new Date("2026-11-25T06:00:00Z"));
    const server = serveSalon();

    renderRoutes(routes, "/salons/3/book?service=24&staff=any");

    const days = await screen.findByRole("list", { name: "الأيام" });
    const buttons = within(days).getAllByRole("button");
    expect(buttons).toHaveLength(14);
    expect(buttons[0]).toHaveAccessibleName(/^الأربعاء، ٢٥ نوفمبر \(١٥ جمادى الآخرة ١٤٤٨ هـ\)/);
    expect(buttons[13]).toHaveAccessibleName(/^الثلاثاء، ٨ ديسمبر/);
    expect(within(days).queryByRole("button", { name: /الاثنين، ٢٣ نوفمبر/ })).not.toBeInTheDocument();
    // Wednesday sits in its column: Sunday, Monday and Tuesday of this week are empty cells.
    expect(days.querySelector("li")).toHaveStyle({ gridColumnStart: "4" });
    expect(server.requestsTo("GET", "/api/salons/3/availability/")[0]?.query.get("date")).toBe("2026-11-25");
  });

  test("at a salon that confirms bookings itself, the booking page says the request was sent", async () => {
    const server = mockFetch();
    const manual = {
      ...salon,
      requires_prepayment: false,
      booking_policy: { ...salon.booking_policy, requires_prepayment: false },
    };
    const requested = booking({ hold_expires_at: null, allowed_actions: ["cancel"] });
    server.on("GET", "/api/salons/3/", manual);
    server.on("POST", "/api/bookings/", () => json(requested, 201));
    server.on("GET", "/api/bookings/1/", requested);
    session.signIn("access-1");
    const { user, router } = renderRoutes(
      [
        { path: "/salons/:salonId/book", Component: BookRoute },
        { path: "/bookings/:bookingId", Component: BookingDetail },
      ],
      "/salons/3/book?service=24&staff=12&date=2026-11-24&start=2026-11-24T10%3A00%3A00%2B03%3A00",
    );

    await user.click(await screen.findByRole("button", { name: "تأكيد الحجز" }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      "أُرسل طلب الحجز إلى الصالونيؤكد هذا الصالون الحجوزات بنفسه، وسنُعلمك حين يؤكد موعدك.",
    );
    expect(currentUrl(router)).toBe("/bookings/1");
    expect(screen.getByText("بانتظار التأكيد")).toBeInTheDocument();
  });
});
