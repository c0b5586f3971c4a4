import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { customer, customerDetail } from "@/features/desk/desk-fixtures";
import type { CustomerDetail } from "@/types/models";
import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { booking, paginated } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as CustomerPage } from "./manage-customer";
import { Component as CustomersPage } from "./manage-customers";

const routes = [
  { path: "/manage/:salonId/customers", Component: CustomersPage },
  { path: "/manage/:salonId/customers/:userId", Component: CustomerPage },
];

beforeEach(() => {
  session.signIn("access-1");
  // This year's dates are written without their year: "now" is fixed in the fixtures' year.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T09:00:00+03:00"));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the desk's customers", () => {
  test("a search puts the query in the URL and lists each customer's figures", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/customers/", ({ query }) =>
      json(
        paginated(
          query.get("q")
            ? [customer()]
            : [
                customer(),
                customer({ user_id: 4, first_name: "هيا", phone_number: "+966500000004", blocked: true, tags: [] }),
              ],
        ),
      ),
    );
    const { user, router } = renderRoutes(routes, "/manage/3/customers");

    expect(await screen.findByText("عميلان")).toBeInTheDocument();
    const blocked = screen.getByRole("article", { name: "هيا" });
    expect(within(blocked).getByText("محظور")).toBeInTheDocument();

    await user.type(screen.getByRole("searchbox", { name: "البحث في العملاء" }), "سارة");
    await user.click(screen.getByRole("button", { name: "بحث" }));

    expect(currentUrl(router)).toBe("/manage/3/customers?q=%D8%B3%D8%A7%D8%B1%D8%A9");
    expect(await screen.findByText("عميل واحد")).toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/manage/salons/3/customers/").at(-1)?.query.get("q")).toBe("سارة");
    const sara = screen.getByRole("article", { name: "سارة" });
    expect(within(sara).getByText("050 000 0001")).toBeInTheDocument();
    expect(within(sara).getByText("VIP")).toBeInTheDocument();
    const fact = (label: string) => within(sara).getByText(label).nextElementSibling?.textContent;
    expect(fact("الزيارات")).toBe("٤");
    expect(fact("آخر زيارة")).toBe("٣٠ أكتوبر");
    expect(fact("الزيارة القادمة")).toBe("٢٤ نوفمبر");
    expect(fact("إجمالي المدفوع")).toBe("\u200f٧٢٠٫٠٠\u00a0ر.س.\u200f");
    expect(fact("مرات عدم الحضور")).toBe("١");
    expect(fact("مرات الإلغاء")).toBe("٠");
    expect(within(sara).getByRole("link", { name: "سارة" })).toHaveAttribute("href", "/manage/3/customers/2");
  });

  test("nothing found says so", async () => {
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/customers/", paginated([]));
    renderRoutes(routes, "/manage/3/customers?q=0599");
    expect(await screen.findByText("لا يوجد عميل يطابق «0599».")).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "البحث في العملاء" })).toHaveValue("0599");
  });

  test("blocking asks first, then sends blocked: true", async () => {
    let current: CustomerDetail = customerDetail({
      bookings: [
        booking({ id: 3, status: "no_show", start: "2026-10-01T17:00:00+03:00", end: "2026-10-01T17:45:00+03:00" }),
        booking({ id: 4, status: "completed", start: "2026-10-30T17:00:00+03:00", end: "2026-10-30T17:45:00+03:00" }),
      ],
    });
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/customers/2/", () => json(current));
    server.on("PATCH", "/api/manage/salons/3/customers/2/", ({ body }) => {
      current = { ...current, ...(body as Partial<CustomerDetail>) };
      return json(current);
    });
    const { user } = renderRoutes(routes, "/manage/3/customers/2");

    expect(await screen.findByRole("heading", { level: 1, name: "سارة" })).toBeInTheDocument();
    const history = screen.getByRole("region", { name: "الحجوزات" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((item) => item.firstElementChild?.textContent),
    ).toEqual(["٣٠ أكتوبر٥:٠٠ م – ٥:٤٥ م", "١ أكتوبر٥:٠٠ م – ٥:٤٥ م"]);
    expect(within(history).getByText("لم يحضر")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "حظر الحجز عبر الإنترنت" }));
    const dialog = screen.getByRole("dialog", { name: "حظر سارة؟" });
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/customers/2/")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "حظر" }));

    await vi.waitFor(() =>
      expect(server.requestsTo("PATCH", "/api/manage/salons/3/customers/2/")[0]?.body).toEqual({ blocked: true }),
    );
    expect(await screen.findByText("محظور")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();

    // Unblocking is asked too.
    await user.click(screen.getByRole("button", { name: "السماح بالحجز عبر الإنترنت مجددًا" }));
    await user.click(
      within(screen.getByRole("dialog", { name: "إلغاء حظر سارة؟" })).getByRole("button", { name: "إلغاء الحظر" }),
    );
    await vi.waitFor(() =>
      expect(server.requestsTo("PATCH", "/api/manage/salons/3/customers/2/")[1]?.body).toEqual({ blocked: false }),
    );
  });

  test("notes and tags are saved together; a refusal is shown", async () => {
    let current = customerDetail();
    const server = mockFetch();
    server.on("GET", "/api/manage/salons/3/customers/2/", () => json(current));
    server.once("PATCH", "/api/manage/salons/3/customers/2/", () =>
      apiError(400, "invalid", "", { errors: { tags: ["الوسم طويل جدًا."] } }),
    );
    server.on("PATCH", "/api/manage/salons/3/customers/2/", ({ body }) => {
      current = { ...current, ...(body as Partial<CustomerDetail>) };
      return json(current);
    });
    const { user } = renderRoutes(routes, "/manage/3/customers/2");

    const form = await screen.findByRole("form", { name: "الملاحظات والوسوم" });
    await user.type(within(form).getByLabelText("الملاحظات"), "تفضّل القهوة بلا سكر");
    await user.type(within(form).getByLabelText("وسم جديد"), "عروس{Enter}");
    await user.click(within(form).getByRole("button", { name: "إزالة الوسم VIP" }));
    await user.click(within(form).getByRole("button", { name: "حفظ" }));

    expect(await within(form).findByText("الوسم طويل جدًا.")).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "حفظ" }));

    expect(await within(form).findByText("تم الحفظ.")).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/customers/2/").map((request) => request.body)).toEqual([
      { notes: "تفضّل القهوة بلا سكر", tags: ["عروس"] },
      { notes: "تفضّل القهوة بلا سكر", tags: ["عروس"] },
    ]);
  });
});
