import { act, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { booking } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as PayRoute } from "./pay";
import { Component as PaymentReturn } from "./payment-return";

const RLM = "\u200f";
const NBSP = "\u00a0";

const fakeConfig = {
  provider: "fake",
  fake: true,
  publishable_key: "",
  methods: ["creditcard", "applepay", "stcpay"],
  currency: "SAR",
  supported_networks: ["mada", "visa", "mastercard"],
};

function payment(overrides: Record<string, unknown> = {}) {
  return {
    id: "9d5f0c1e-0000-4000-8000-000000000001",
    booking: 1,
    status: "initiated",
    amount: 18000,
    currency: "SAR",
    vat_amount: 2348,
    refunded_amount: 0,
    method: "creditcard",
    card_brand: "",
    card_last4: "",
    transaction_url: "http://127.0.0.1:8000/api/payments/fake/9d5f0c1e-0000-4000-8000-000000000001/",
    failure_message: "",
    created_at: "2026-11-22T09:01:00+03:00",
    ...overrides,
  };
}

const routes = [
  { path: "/bookings/:bookingId/pay", Component: PayRoute },
  { path: "/payments/return", Component: PaymentReturn },
  { path: "/bookings/:bookingId", element: <p>booking page</p> },
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:05:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("paying for a booking", () => {
  test("shows the hold countdown and, with the demo gateway, goes to its page with an idempotency key", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", fakeConfig);
    server.on("POST", "/api/payments/", () => json(payment(), 201));
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    const { user } = renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByText("نحجز لك هذا الموعد لمدة ١٠:٠٠.")).toBeInTheDocument();
    await user.click(await screen.findByRole("button", { name: /ادفع/ }));

    const [create] = server.requestsTo("POST", "/api/payments/");
    expect(create?.body).toEqual({ booking: 1, source: { type: "token", token: "fake" } });
    expect(create?.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() =>
      expect(assign).toHaveBeenCalledWith(
        "http://127.0.0.1:8000/api/payments/fake/9d5f0c1e-0000-4000-8000-000000000001/",
      ),
    );
  });

  test("a declined attempt says why, and the next attempt uses a new idempotency key", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", fakeConfig);
    server.once("POST", "/api/payments/", () =>
      json(payment({ status: "failed", transaction_url: null, failure_message: "Insufficient funds" }), 201),
    );
    server.on("POST", "/api/payments/", () => json(payment({ status: "paid", transaction_url: null }), 201));
    const { user, router } = renderRoutes(routes, "/bookings/1/pay");
    server.on("POST", "/api/payments/:id/refresh/", payment({ status: "paid", transaction_url: null }));

    await user.click(await screen.findByRole("button", { name: /ادفع/ }));
    // Our own message first; the server's reason (translated by it) only as a detail.
    const failure = await screen.findByRole("alert");
    expect(within(failure).getByText("لم يكتمل الدفع")).toBeInTheDocument();
    expect(within(failure).getByText("رُفضت عملية الدفع.")).toBeInTheDocument();
    expect(within(failure).getByText("Insufficient funds").tagName).toBe("BDI");
    await user.click(screen.getByRole("button", { name: /ادفع/ }));

    expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/payments/return?id=9d5f0c1e-0000-4000-8000-000000000001");
    const keys = server.requestsTo("POST", "/api/payments/").map((request) => request.headers.get("Idempotency-Key"));
    expect(new Set(keys).size).toBe(2);
  });

  test("a hold the API says has expired hides the payment and offers to book the same service again", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", fakeConfig);
    const { user } = renderRoutes(routes, "/bookings/1/pay");
    const pay = await screen.findByRole("button", { name: /ادفع/ });
    // The server expired the hold a moment ago (its clock, not ours).
    server.on("POST", "/api/payments/", () => apiError(409, "booking_hold_expired", "..."));
    server.on("GET", "/api/bookings/1/", booking({ status: "expired", allowed_actions: [] }));

    await user.click(pay);

    const notice = await screen.findByRole("alert");
    expect(notice).toHaveTextContent("انتهت مدة حجز الموعد");
    expect(within(notice).getByRole("link", { name: "اختيار وقت جديد" })).toHaveAttribute(
      "href",
      "/salons/3/book?service=24&staff=12",
    );
    expect(screen.queryByRole("button", { name: /ادفع/ })).not.toBeInTheDocument();
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/bookings/1/")).toHaveLength(2));
  });

  test("when the hold's countdown reaches zero, the payment gives way to booking again", async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date("2026-11-22T06:05:00Z"));
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", fakeConfig);
    renderRoutes(routes, "/bookings/1/pay");
    expect(await screen.findByRole("button", { name: /ادفع/ })).toBeInTheDocument();
    // Screen readers get a sentence that does not tick.
    expect(screen.getByRole("status")).toHaveTextContent("نحجز لك هذا الموعد حتى ٩:١٥ ص.");
    server.on("GET", "/api/bookings/1/", booking({ status: "expired", allowed_actions: [] }));

    await act(() => vi.advanceTimersByTimeAsync(601_000));

    expect(await screen.findByRole("link", { name: "اختيار وقت جديد" })).toHaveAttribute(
      "href",
      "/salons/3/book?service=24&staff=12",
    );
    expect(screen.getByRole("alert")).toHaveTextContent("لم يكتمل الدفع في الوقت المحدد، فأصبح الموعد متاحًا لغيرك.");
    expect(screen.queryByRole("button", { name: /ادفع/ })).not.toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/bookings/1/")).toHaveLength(2);
    expect(server.requestsTo("POST", "/api/payments/")).toHaveLength(0);
  });

  test("the demo gateway does not claim that card details go to Moyasar", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", fakeConfig);

    renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByText("دفع تجريبي")).toBeInTheDocument();
    expect(screen.queryByText(/تذهب بيانات البطاقة/)).not.toBeInTheDocument();
  });

  test("the summary gives the booking's date and time in its salon's time zone", async () => {
    const server = mockFetch();
    server.on(
      "GET",
      "/api/bookings/1/",
      booking({
        status: "confirmed",
        allowed_actions: [],
        salon: { id: 8, name: "صالون المرسى", timezone: "Asia/Dubai" },
        start: "2026-11-29T00:30:00+04:00",
        end: "2026-11-29T01:15:00+04:00",
      }),
    );

    renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByText("الأحد، ٢٩ نوفمبر")).toBeInTheDocument();
    expect(screen.getByText("١٢:٣٠ ص")).toBeInTheDocument();
  });

  test("a booking that is already paid is not offered for payment", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking({ status: "confirmed", allowed_actions: ["cancel"] }));

    renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByText("هذا الحجز مدفوع ومؤكد.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /ادفع/ })).not.toBeInTheDocument();
  });
});

describe("paying with Moyasar", () => {
  const moyasarConfig = { ...fakeConfig, provider: "moyasar", fake: false, publishable_key: "pk_test_abc" };

  test("the card is tokenized at Moyasar with the publishable key; our API only sees the token", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", moyasarConfig);
    server.on("POST", "https://api.moyasar.com/v1/tokens", () =>
      json({ id: "token_abc", status: "initiated", brand: "mada", last_four: "1010" }, 201),
    );
    server.on("POST", "/api/payments/", () => json(payment({ transaction_url: "https://api.moyasar.com/3ds/x" }), 201));
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign, origin: "http://localhost" });
    const { user } = renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByText(/تذهب بيانات البطاقة مباشرة إلى مزوّد الدفع ميسّر/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("الاسم على البطاقة"), "Sara Alotaibi");
    await user.type(screen.getByLabelText("رقم البطاقة"), "4201320111111010");
    expect(screen.getByLabelText("رقم البطاقة")).toHaveValue("4201 3201 1111 1010");
    await user.type(screen.getByLabelText("تاريخ الانتهاء"), "1230");
    await user.type(screen.getByLabelText("رمز الأمان (CVV)"), "123");
    await user.click(screen.getByRole("button", { name: /ادفع/ }));

    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("https://api.moyasar.com/3ds/x"));
    const [token] = server.requestsTo("POST", "https://api.moyasar.com/v1/tokens");
    expect(token?.headers.get("Authorization")).toBe(`Basic ${btoa("pk_test_abc:")}`);
    expect(token?.body).toEqual({
      name: "Sara Alotaibi",
      number: "4201320111111010",
      cvc: "123",
      month: "12",
      year: "2030",
      save_only: true,
      callback_url: "http://localhost/payments/return",
    });
    const [create] = server.requestsTo("POST", "/api/payments/");
    expect(create?.body).toEqual({ booking: 1, source: { type: "token", token: "token_abc" } });
    expect(JSON.stringify(create?.body)).not.toContain("4201320111111010");
  });

  test("card details are checked before anything is sent", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", moyasarConfig);
    const { user } = renderRoutes(routes, "/bookings/1/pay");

    await user.type(await screen.findByLabelText("رقم البطاقة"), "4201320111111011");
    await user.type(screen.getByLabelText("تاريخ الانتهاء"), "0120");
    await user.click(screen.getByRole("button", { name: /ادفع/ }));

    // Each error is announced as it appears, and describes its field.
    expect(screen.getAllByRole("alert").map((alert) => alert.textContent)).toEqual([
      "أدخل الاسم كما يظهر على البطاقة (كلمتان على الأقل).",
      "تحقق من رقم البطاقة.",
      "أدخل تاريخ انتهاء مستقبليًا بصيغة MM/YY.",
      "أدخل الأرقام الثلاثة أو الأربعة الموجودة على ظهر البطاقة.",
    ]);
    expect(screen.getByLabelText("رقم البطاقة")).toHaveAccessibleDescription("تحقق من رقم البطاقة.");
    expect(server.requestsTo("POST", "https://api.moyasar.com/v1/tokens")).toHaveLength(0);
  });

  test("STC Pay: the mobile number, then the code posted to the payment's transaction URL", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", moyasarConfig);
    const otpUrl = "https://api.moyasar.com/v1/stc_pays/abc/proceed?otp_token=xyz";
    server.on("POST", "/api/payments/", () => json(payment({ method: "stcpay", transaction_url: otpUrl }), 201));
    server.on("POST", "https://api.moyasar.com/v1/stc_pays/abc/proceed", { id: "x", status: "paid" });
    server.on(
      "POST",
      "/api/payments/:id/refresh/",
      payment({ method: "stcpay", status: "paid", transaction_url: null }),
    );
    const { user } = renderRoutes(routes, "/bookings/1/pay");

    await user.click(await screen.findByRole("radio", { name: "STC Pay" }));
    await user.type(screen.getByLabelText("رقم جوال STC Pay"), "٠٥٥١٢٣٤٥٦٧");
    await user.click(screen.getByRole("button", { name: /عبر STC Pay/ }));
    await user.type(await screen.findByLabelText("رمز STC Pay"), "123456");
    await user.click(screen.getByRole("button", { name: "تأكيد الدفع" }));

    expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/payments/")[0]?.body).toEqual({
      booking: 1,
      source: { type: "stcpay", mobile: "0551234567" },
    });
    const [otp] = server.requestsTo("POST", "https://api.moyasar.com/v1/stc_pays/abc/proceed");
    expect(otp?.url.href).toBe(otpUrl);
    expect(otp?.body).toEqual({ otp_value: "123456" });
  });

  test("Apple Pay is offered only where the browser supports it", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", moyasarConfig);

    renderRoutes(routes, "/bookings/1/pay");

    expect(await screen.findByRole("radio", { name: "البطاقة" })).toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: "Apple Pay" })).not.toBeInTheDocument();
  });

  test("Apple Pay appears in Safari on a device that can pay with it", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/", booking());
    server.on("GET", "/api/payments/config/", moyasarConfig);
    vi.stubGlobal("ApplePaySession", { canMakePayments: () => true });

    const { user } = renderRoutes(routes, "/bookings/1/pay");
    await user.click(await screen.findByRole("radio", { name: "Apple Pay" }));

    expect(screen.getByRole("button", { name: "Apple Pay" })).toBeInTheDocument();
  });
});

describe("coming back from the gateway", () => {
  test("asks our server for the real state instead of trusting the address", async () => {
    const server = mockFetch();
    server.on("POST", "/api/payments/:id/refresh/", payment({ status: "paid", transaction_url: null }));

    renderRoutes(routes, "/payments/return?id=9d5f0c1e-0000-4000-8000-000000000001&status=failed&message=x");

    expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "عرض الحجز" })).toHaveAttribute("href", "/bookings/1");
    expect(server.requestsTo("POST", "/api/payments/:id/refresh/")[0]?.params.id).toBe(
      "9d5f0c1e-0000-4000-8000-000000000001",
    );
  });

  test("the outcome comes with what was booked: salon, service, stylist, time and amount", async () => {
    const server = mockFetch();
    server.on("POST", "/api/payments/:id/refresh/", payment({ status: "paid", transaction_url: null }));
    server.on("GET", "/api/bookings/1/", booking({ status: "confirmed", allowed_actions: [] }));

    renderRoutes(routes, "/payments/return?id=9d5f0c1e-0000-4000-8000-000000000001");

    expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك")).toBeInTheDocument();
    const summary = await screen.findByRole("region", { name: "تفاصيل الحجز" });
    const fact = (label: string) => within(summary).getByText(label).nextElementSibling?.textContent;
    expect(fact("الصالون")).toBe("صالون دلال للتجميل");
    expect(fact("الخدمة")).toBe("استشوار");
    expect(fact("المختص")).toBe("دانة");
    // The year is written only for a day outside the current year (docs/frontend.md, "Numbers, money and dates").
    expect(fact("التاريخ")).toBe(`الثلاثاء، ٢٤ نوفمبر${new Date().getFullYear() === 2026 ? "" : " ٢٠٢٦"}`);
    expect(fact("الوقت")).toBe("١٠:٠٠ ص – ١٠:٤٥ ص");
    expect(fact("المبلغ")).toBe(`${RLM}١٨٠٫٠٠${NBSP}ر.س.${RLM}`);
    expect(within(summary).getByText("SLN-83MCF")).toHaveAttribute("dir", "ltr");
    // One check of the payment serves the outcome and the summary.
    expect(server.requestsTo("POST", "/api/payments/:id/refresh/")).toHaveLength(1);
  });

  test("a failed payment is explained with a way to try again", async () => {
    const server = mockFetch();
    server.on(
      "POST",
      "/api/payments/:id/refresh/",
      payment({ status: "failed", transaction_url: null, failure_message: "Declined by the issuer" }),
    );

    renderRoutes(routes, "/payments/return?id=9d5f0c1e-0000-4000-8000-000000000001&status=paid");

    expect(await screen.findByText("لم يكتمل الدفع")).toBeInTheDocument();
    expect(screen.getByText("رُفضت عملية الدفع.")).toBeInTheDocument();
    expect(screen.getByText("Declined by the issuer").tagName).toBe("BDI");
    expect(screen.getByRole("link", { name: "حاول مرة أخرى" })).toHaveAttribute("href", "/bookings/1/pay");
  });

  test("a payment still in progress can be checked again", async () => {
    const server = mockFetch();
    server.once("POST", "/api/payments/:id/refresh/", payment());
    server.on("POST", "/api/payments/:id/refresh/", payment({ status: "paid", transaction_url: null }));
    const { user } = renderRoutes(routes, "/payments/return?id=9d5f0c1e-0000-4000-8000-000000000001");

    await user.click(await screen.findByRole("button", { name: "تحقق مرة أخرى" }));

    expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك")).toBeInTheDocument();
  });
});
