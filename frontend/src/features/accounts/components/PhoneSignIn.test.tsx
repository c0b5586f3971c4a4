import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { PhoneSignIn } from "./PhoneSignIn";

function codeSent(requestId: string, resendInSeconds = 60) {
  const now = Date.now();
  return json(
    {
      request_id: requestId,
      expires_at: new Date(now + 300_000).toISOString(),
      resend_available_at: new Date(now + resendInSeconds * 1000).toISOString(),
    },
    201,
  );
}

function renderSignIn(onComplete = vi.fn()) {
  return { ...renderRoutes([{ path: "/", element: <PhoneSignIn onComplete={onComplete} /> }], "/"), onComplete };
}

async function requestCode(user: ReturnType<typeof renderSignIn>["user"], phone = "0500000001") {
  await user.type(screen.getByLabelText("رقم الجوال"), phone);
  await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the phone number", () => {
  test("accepts 05… and Arabic-Indic digits, and sends the national form", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1"));
    const { user } = renderSignIn();

    await requestCode(user, "+966 55 ١٢٣ ٤٥٦٧");

    expect(await screen.findByLabelText("الرمز")).toHaveFocus();
    expect(server.requests[0]?.body).toEqual({ phone_number: "0551234567", channel: "sms" });
    expect(screen.getByRole("status")).toHaveTextContent("أرسلنا رمزًا برسالة نصية إلى 055 123 4567");
  });

  test("refuses what is not a Saudi mobile number without asking the server", async () => {
    const server = mockFetch();
    const { user } = renderSignIn();

    await requestCode(user, "0112106677");

    expect(screen.getByLabelText("رقم الجوال")).toHaveAccessibleDescription(
      "رقم جوال سعودي، مثل 05XXXXXXXX أدخل رقم جوال سعوديًا يبدأ بـ 05 ويتكون من 10 أرقام.",
    );
    expect(screen.getByLabelText("رقم الجوال")).toBeInvalid();
    expect(server.requests).toHaveLength(0);
  });

  test("can ask for the code on WhatsApp", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1"));
    const { user } = renderSignIn();

    await user.click(screen.getByRole("radio", { name: "واتساب" }));
    await requestCode(user);

    expect(server.requests[0]?.body).toEqual({ phone_number: "0500000001", channel: "whatsapp" });
    expect(await screen.findByRole("status")).toHaveTextContent("أرسلنا رمزًا عبر واتساب إلى");
  });
});

describe("one-time code errors", () => {
  test("a wrong code is reported on the code field and can be corrected", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1"));
    server.once("POST", "/api/auth/phone/verify/", () => apiError(400, "otp_invalid", "Invalid code."));
    server.on("POST", "/api/auth/phone/verify/", { access: "access-1", user: customer, created: false });
    const { user, onComplete } = renderSignIn();
    await requestCode(user);

    await user.type(await screen.findByLabelText("الرمز"), "111111");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    const code = screen.getByLabelText("الرمز");
    expect(await screen.findByText("الرمز غير صحيح. تحقق منه وحاول مرة أخرى.")).toBeInTheDocument();
    expect(code).toBeInvalid();
    expect(session.getState().status).toBe("signed_out");

    await user.clear(code);
    await user.type(code, "٢٢٢٢٢٢");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(server.requestsTo("POST", "/api/auth/phone/verify/")[1]?.body).toEqual({
      request_id: "req-1",
      code: "222222",
    });
    expect(session.getState()).toEqual({ status: "signed_in", accessToken: "access-1" });
  });

  test("an expired code asks for a new one, which the next try uses", async () => {
    const server = mockFetch();
    server.once("POST", "/api/auth/phone/request/", () => codeSent("req-1", -1));
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-2"));
    server.once("POST", "/api/auth/phone/verify/", () => apiError(400, "otp_expired", "Expired."));
    server.on("POST", "/api/auth/phone/verify/", { access: "access-1", user: customer, created: false });
    const { user, onComplete } = renderSignIn();
    await requestCode(user);
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.");
    expect(screen.getByRole("button", { name: "دخول" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "أرسل رمزًا جديدًا" }));
    expect(await screen.findByText("رمز جديد في الطريق إليك.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("الرمز"), "654321");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    await vi.waitFor(() => expect(onComplete).toHaveBeenCalled());
    expect(server.requestsTo("POST", "/api/auth/phone/verify/")[1]?.body).toEqual({
      request_id: "req-2",
      code: "654321",
    });
  });

  test("too many tries locks the code until a new one is requested", async () => {
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1", -1));
    server.on("POST", "/api/auth/phone/verify/", () => apiError(400, "otp_attempts_exceeded", "Too many."));
    const { user } = renderSignIn();
    await requestCode(user);
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("تجاوزت عدد المحاولات المسموح به. اطلب رمزًا جديدًا.");
    expect(screen.getByRole("button", { name: "دخول" })).toBeDisabled();
  });

  test("rate limiting shows a live countdown and blocks sending until it ends", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = mockFetch();
    server.once("POST", "/api/auth/phone/request/", () => apiError(429, "otp_cooldown", "Wait.", { retry_after: 42 }));
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1"));
    const { user } = renderSignIn();

    await requestCode(user);

    expect(await screen.findByText("طلبات كثيرة. يمكنك طلب رمز مرة أخرى بعد ٠:٤٢.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "أرسل الرمز" })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.getByText("طلبات كثيرة. يمكنك طلب رمز مرة أخرى بعد ٠:٤٠.")).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(40_000));
    expect(screen.getByRole("button", { name: "أرسل الرمز" })).toBeEnabled();

    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    expect(await screen.findByLabelText("الرمز")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/auth/phone/request/")).toHaveLength(2);
  });

  test("the resend button waits for the cooldown the server gave", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = mockFetch();
    server.on("POST", "/api/auth/phone/request/", () => codeSent("req-1", 30));
    const { user } = renderSignIn();

    await requestCode(user);

    expect(await screen.findByRole("button", { name: "إرسال رمز جديد بعد ٠:٣٠" })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(screen.getByRole("button", { name: "أرسل رمزًا جديدًا" })).toBeEnabled();
  });
});
