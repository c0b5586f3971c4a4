import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { manageRoutes, salonProfile, serveManagedSalons, zatcaUnit } from "./manage-fixtures";
import { Component as SalonPage } from "./manage-salon";

const routes = manageRoutes("salon", SalonPage);

function serve(unit = zatcaUnit) {
  const server = mockFetch();
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/", salonProfile);
  server.on("GET", "/api/manage/salons/3/photos/", []);
  server.on("GET", "/api/manage/salons/3/zatca/", unit);
  return server;
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("the salon's e-invoicing unit", () => {
  test("a manager onboards it with the one-time password from the Fatoora portal", async () => {
    const server = serve();
    server.on("POST", "/api/manage/salons/3/zatca/", () =>
      json({
        ...zatcaUnit,
        state: "active",
        certificate_expires_at: "2027-12-08T09:00:00Z",
        can_onboard: false,
        can_renew: true,
      }),
    );
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const card = within(await screen.findByRole("region", { name: "الفوترة الإلكترونية (زاتكا)" }));
    expect(await card.findByText("لم تُسجَّل بعد")).toBeInTheDocument();
    const otp = card.getByLabelText("رمز التحقق من بوابة فاتورة");
    await user.type(otp, "abc");
    await user.click(card.getByRole("button", { name: "سجّل" }));
    expect(otp).toHaveAccessibleDescription("أدخل الرمز من بوابة فاتورة (أرقام فقط).");
    expect(server.requestsTo("POST", "/api/manage/salons/3/zatca/")).toEqual([]);

    await user.clear(otp);
    await user.type(otp, "١٢٣٣٤٥");
    await user.click(card.getByRole("button", { name: "سجّل" }));

    expect(await card.findByText("سُجّلت الوحدة.")).toBeInTheDocument();
    expect(card.getByText(/مفعّلة: كل فاتورة موقّعة/)).toBeInTheDocument();
    expect(card.getByRole("button", { name: "جدّد" })).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/zatca/").map((r) => r.body)).toEqual([{ otp: "123345" }]);
  });

  test("ZATCA's refusal is shown, and what is missing is named", async () => {
    const server = serve({ ...zatcaUnit, state: "failed", last_message: "Invalid OTP" });
    server.on("POST", "/api/manage/salons/3/zatca/", () =>
      apiError(
        400,
        "zatca_otp_refused",
        "رفضت هيئة الزكاة والضريبة والجمارك رمز التحقق. أنشئ رمزًا جديدًا من بوابة فاتورة.",
      ),
    );
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const card = within(await screen.findByRole("region", { name: "الفوترة الإلكترونية (زاتكا)" }));
    expect(await card.findByText("رسالة الهيئة: Invalid OTP")).toBeInTheDocument();
    await user.type(card.getByLabelText("رمز التحقق من بوابة فاتورة"), "000000");
    await user.click(card.getByRole("button", { name: "سجّل" }));

    expect(await card.findByText(/رفضت هيئة الزكاة والضريبة والجمارك رمز التحقق/)).toBeInTheDocument();
  });

  test("the national address is checked here and saved with Western digits", async () => {
    const server = serve({ ...zatcaUnit, missing: { building_number: ["مطلوب"] }, can_onboard: false });
    server.on("PATCH", "/api/manage/salons/3/", ({ body }) => json({ ...salonProfile, ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const card = within(await screen.findByRole("region", { name: "الفوترة الإلكترونية (زاتكا)" }));
    expect(await card.findByText("أكمل هذه البيانات أولًا: رقم المبنى.")).toBeInTheDocument();
    expect(card.queryByLabelText("رمز التحقق من بوابة فاتورة")).not.toBeInTheDocument();
    const building = card.getByLabelText("رقم المبنى");
    await user.clear(building);
    await user.type(building, "23");
    await user.click(card.getByRole("button", { name: "احفظ العنوان" }));
    expect(building).toHaveAccessibleDescription("أدخل 4 أرقام.");

    await user.clear(building);
    await user.type(building, "٢٣٢٢");
    await user.click(card.getByRole("button", { name: "احفظ العنوان" }));

    expect(await card.findByText("حُفظ العنوان.")).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/").map((r) => r.body)).toEqual([
      {
        cr_number: "1010010000",
        building_number: "2322",
        street: "طريق عثمان بن عفان",
        district_name: "النرجس",
        city_name: "الرياض",
        postal_code: "13327",
      },
    ]);
  });
});
