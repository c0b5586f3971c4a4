import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { details, fixClock, routes, serveFinance } from "./finance-fixtures";

beforeEach(() => {
  session.signIn("access-1");
  fixClock();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("payout details", () => {
  test("the legal name is saved without a code", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.on("PATCH", "/api/manage/salons/3/payout-details/", ({ body }) => json({ ...details, ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/finance");

    const name = await screen.findByLabelText("الاسم كما في السجل التجاري");
    await user.clear(name);
    await user.click(screen.getByRole("button", { name: "حفظ الاسم" }));
    expect(name).toHaveAccessibleDescription(
      "المستفيد من التحويلات والبائع في الفواتير الضريبية. أدخل الاسم القانوني.",
    );

    await user.type(name, "مؤسسة دلال التجارية");
    await user.click(screen.getByRole("button", { name: "حفظ الاسم" }));

    expect(await screen.findByText("حُفظ الاسم القانوني.")).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/payout-details/").map((r) => r.body)).toEqual([
      { legal_name: "مؤسسة دلال التجارية" },
    ]);
  });

  test("a new IBAN: checked first, a code sent to the phone, a wrong code and a refused IBAN shown at their fields, then saved", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.on("POST", "/api/manage/salons/3/payout-details/code/", () =>
      json({ channel: "sms", expires_in: 300 }, 202),
    );
    server.once("PATCH", "/api/manage/salons/3/payout-details/", () =>
      apiError(400, "code_invalid", "الرمز غير صحيح أو منتهي الصلاحية أو مستخدم من قبل. اطلب رمزًا جديدًا."),
    );
    const { user } = renderRoutes(routes, "/manage/3/finance");

    expect(await screen.findByText("SA03 **** **** **** **** 7519")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "تغيير الآيبان" }));
    const iban = screen.getByLabelText("الآيبان الجديد");
    expect(iban).toHaveFocus();

    // A typo is caught here: no code is spent on it.
    await user.type(iban, "SA44 2000 0001 2345 6789 1235");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    expect(iban).toHaveAttribute("aria-invalid", "true");
    expect(iban).toHaveAccessibleDescription(/أدخل آيبان سعوديًا صحيحًا/);
    expect(server.requestsTo("POST", "/api/manage/salons/3/payout-details/code/")).toHaveLength(0);

    await user.clear(iban);
    await user.type(iban, "sa44 2000 0001 2345 6789 1234");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));

    expect(await screen.findByText("أرسلنا رمزًا إلى جوالك، صالحًا لمدة ٥ دقائق.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/payout-details/code/").map((r) => r.body)).toEqual([{}]);
    const code = screen.getByLabelText("الرمز");
    expect(code).toHaveFocus();
    await user.type(code, "١٢٣٤٥٦");
    expect(code).toHaveValue("123456");
    await user.click(screen.getByRole("button", { name: "حفظ الآيبان" }));

    expect(await screen.findByText(/الرمز غير صحيح أو منتهي الصلاحية/)).toBeInTheDocument();
    expect(code).toHaveAttribute("aria-invalid", "true");
    expect(code).toHaveAccessibleDescription("الرمز غير صحيح أو منتهي الصلاحية أو مستخدم من قبل. اطلب رمزًا جديدًا.");

    server.once("PATCH", "/api/manage/salons/3/payout-details/", () =>
      apiError(400, "invalid_iban", "البيانات المدخلة غير صحيحة.", {
        errors: { iban: ["أدخل رقم آيبان سعوديًا صحيحًا: SA تليها 22 خانة، 24 خانة في المجموع."] },
      }),
    );
    await user.click(screen.getByRole("button", { name: "أعد إرسال الرمز" }));
    await vi.waitFor(() =>
      expect(server.requestsTo("POST", "/api/manage/salons/3/payout-details/code/")).toHaveLength(2),
    );
    await user.type(screen.getByLabelText("الرمز"), "654321");
    await user.click(screen.getByRole("button", { name: "حفظ الآيبان" }));
    expect(
      await screen.findByText("أدخل رقم آيبان سعوديًا صحيحًا: SA تليها 22 خانة، 24 خانة في المجموع."),
    ).toBeInTheDocument();
    expect(iban).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("الرمز")).not.toHaveAttribute("aria-invalid");

    server.on("PATCH", "/api/manage/salons/3/payout-details/", () =>
      json({ ...details, iban_masked: "SA44 **** **** **** **** 1234", updated_at: "2026-12-07T12:00:00+03:00" }),
    );
    server.on("GET", "/api/manage/salons/3/payout-details/", {
      ...details,
      iban_masked: "SA44 **** **** **** **** 1234",
      updated_at: "2026-12-07T12:00:00+03:00",
    });
    await user.click(screen.getByRole("button", { name: "حفظ الآيبان" }));

    expect(await screen.findByText("حُفظ الآيبان الجديد:")).toBeInTheDocument();
    expect(screen.queryByLabelText("الآيبان الجديد")).not.toBeInTheDocument();
    expect(screen.getAllByText("SA44 **** **** **** **** 1234").length).toBeGreaterThan(0);
    const patches = server.requestsTo("PATCH", "/api/manage/salons/3/payout-details/").map((r) => r.body);
    expect(patches).toEqual([
      { iban: "SA4420000001234567891234", code: "123456" },
      { iban: "SA4420000001234567891234", code: "654321" },
      { iban: "SA4420000001234567891234", code: "654321" },
    ]);
    // The balance is asked again: an IBAN is what enables payouts.
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/manage/salons/3/balance/").length).toBeGreaterThan(1));
  });

  test("a code asked for too soon says how long to wait", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.on("POST", "/api/manage/salons/3/payout-details/code/", () =>
      apiError(429, "otp_cooldown", "Wait.", { retry_after: 42 }),
    );
    const { user } = renderRoutes(routes, "/manage/3/finance");

    await user.click(await screen.findByRole("button", { name: "تغيير الآيبان" }));
    await user.type(screen.getByLabelText("الآيبان الجديد"), "SA4420000001234567891234");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));

    expect(await screen.findByText("انتظر قليلًا قبل طلب رمز آخر.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "أرسل الرمز بعد ٠:٤٢" })).toBeDisabled();
  });
});
