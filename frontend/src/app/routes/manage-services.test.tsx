import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { managedService, manageRoutes, serveManagedSalons, team } from "./manage-fixtures";
import { Component as ServicesPage } from "./manage-services";

const routes = manageRoutes("services", ServicesPage);

function serveCatalog(server: ReturnType<typeof mockFetch>) {
  serveManagedSalons(server);
  server.on("GET", "/api/salons/categories/", [
    { id: 1, slug: "hair", name: "شعر" },
    { id: 2, slug: "nails", name: "أظافر" },
  ]);
  server.on("GET", "/api/manage/salons/3/services/", [managedService()]);
  server.on("GET", "/api/manage/salons/3/staff/", team);
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("the salon's services", () => {
  test("lists the services with their price, duration and stylists", async () => {
    const server = mockFetch();
    serveCatalog(server);
    const { container } = renderRoutes(routes, "/manage/3/services");

    const item = (await screen.findByRole("heading", { name: "استشوار" })).closest("li")!;
    expect(within(item).getByText("شعر").closest("p")).toHaveTextContent("شعر · ٤٥ دقيقة · ‏١٨٠ ر.س.‏");
    expect(within(item).getByText("تقدمها مختصتان")).toBeInTheDocument();
    expect(within(item).getByRole("button", { name: "تعديل استشوار" })).toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("a new service's price is entered in riyals and sent in halalas", async () => {
    const server = mockFetch();
    serveCatalog(server);
    server.on("POST", "/api/manage/salons/3/services/", ({ body }) =>
      json(managedService({ ...(body as object), id: 30, category_name: "أظافر" }), 201),
    );
    const { user } = renderRoutes(routes, "/manage/3/services");

    await user.click(await screen.findByRole("button", { name: "إضافة خدمة" }));
    const dialog = screen.getByRole("dialog", { name: "خدمة جديدة" });
    await user.selectOptions(within(dialog).getByLabelText("الفئة"), "أظافر");
    await user.type(within(dialog).getByLabelText("الاسم بالعربية"), "مناكير");
    await user.type(within(dialog).getByLabelText("الاسم بالإنجليزية"), "Manicure");
    await user.type(within(dialog).getByLabelText("المدة (بالدقائق)"), "٤٥");
    await user.type(within(dialog).getByLabelText("السعر (ريال)"), "120.555");
    await user.click(within(dialog).getByRole("checkbox", { name: "دانة" }));
    await user.click(within(dialog).getByRole("button", { name: "إضافة الخدمة" }));

    expect(within(dialog).getByLabelText("السعر (ريال)")).toHaveAccessibleDescription(
      "شامل ضريبة القيمة المضافة. أدخل السعر بالريال، مثل 180 أو 180.50.",
    );
    expect(server.requestsTo("POST", "/api/manage/salons/3/services/")).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText("السعر (ريال)"));
    await user.type(within(dialog).getByLabelText("السعر (ريال)"), "120.5");
    await user.click(within(dialog).getByRole("button", { name: "إضافة الخدمة" }));

    expect(await screen.findByText("حُفظت خدمة «مناكير».")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/services/")[0]?.body).toEqual({
      category: 2,
      name_ar: "مناكير",
      name_en: "Manicure",
      description_ar: "",
      description_en: "",
      duration_minutes: 45,
      price_amount: 12050,
      buffer_minutes: 0,
      display_order: 0,
      is_active: true,
      staff_ids: [12],
    });
  });

  test("editing shows the price in riyals and the server's field errors next to the fields", async () => {
    const server = mockFetch();
    serveCatalog(server);
    server.on("PATCH", "/api/manage/salons/3/services/24/", () =>
      apiError(400, "invalid", "", { errors: { staff_ids: ["دانة لا تعمل في هذا الصالون."] } }),
    );
    const { user } = renderRoutes(routes, "/manage/3/services");

    await user.click(await screen.findByRole("button", { name: "تعديل استشوار" }));
    const dialog = screen.getByRole("dialog", { name: "تعديل الخدمة" });
    expect(within(dialog).getByLabelText("السعر (ريال)")).toHaveValue("180");
    await user.click(within(dialog).getByRole("button", { name: "حفظ" }));

    expect(await within(dialog).findByText("دانة لا تعمل في هذا الصالون.")).toBeInTheDocument();
    expect(within(dialog).getByRole("group", { name: "المختصات اللاتي يقدّمنها" })).toHaveAccessibleDescription(
      "دانة لا تعمل في هذا الصالون.",
    );
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/services/24/")[0]?.body).toMatchObject({
      price_amount: 18000,
    });
  });

  test("deleting a service that has bookings says it was deactivated instead", async () => {
    const server = mockFetch();
    serveCatalog(server);
    server.on("DELETE", "/api/manage/salons/3/services/24/", {
      deactivated: true,
      detail: "للخدمة حجوزات، لذلك أُوقفت بدل حذفها.",
      service: managedService({ is_active: false }),
    });
    const { user } = renderRoutes(routes, "/manage/3/services");

    await user.click(await screen.findByRole("button", { name: "حذف استشوار" }));
    const dialog = screen.getByRole("dialog", { name: "حذف «استشوار»؟" });
    expect(within(dialog).getByText(/إن كانت لها حجوزات فستُوقف/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "نعم، احذف الخدمة" }));

    expect(await screen.findByText("للخدمة حجوزات، لذلك أُوقفت بدل حذفها.")).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });
});
