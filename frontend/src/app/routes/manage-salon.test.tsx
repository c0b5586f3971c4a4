import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { managedSalon, manageRoutes, salonProfile, serveManagedSalons, zatcaUnit } from "./manage-fixtures";
import { Component as SalonPage } from "./manage-salon";

const routes = manageRoutes("salon", SalonPage);

function serveSalon(server: ReturnType<typeof mockFetch>) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/", salonProfile);
  server.on("GET", "/api/manage/salons/3/photos/", []);
  server.on("GET", "/api/manage/salons/3/zatca/", zatcaUnit);
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("the salon's profile", () => {
  test("only the changed fields are sent, and the server's field error shows next to its field", async () => {
    const server = mockFetch();
    serveSalon(server);
    server.once("PATCH", "/api/manage/salons/3/", () =>
      apiError(400, "invalid", "البيانات المدخلة غير صحيحة.", {
        errors: { phone_number: ["أدخل رقم هاتف صحيحًا."] },
      }),
    );
    server.on("PATCH", "/api/manage/salons/3/", ({ body }) => json({ ...salonProfile, ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const englishName = await screen.findByLabelText("الاسم بالإنجليزية");
    await user.clear(englishName);
    await user.type(englishName, "Dalal Lounge");
    const phone = screen.getByLabelText("رقم الهاتف");
    await user.clear(phone);
    await user.type(phone, "+96611210667712");
    await user.click(screen.getByRole("button", { name: "حفظ البيانات" }));

    expect(await screen.findByText("أدخل رقم هاتف صحيحًا.")).toBeInTheDocument();
    expect(phone).toHaveAttribute("aria-invalid", "true");
    expect(phone).toHaveAccessibleDescription("أدخل رقم هاتف صحيحًا.");
    expect(screen.getByText("راجع الحقول المشار إليها.")).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/")[0]?.body).toEqual({
      name_en: "Dalal Lounge",
      phone_number: "+96611210667712",
    });

    await user.clear(phone);
    await user.type(phone, "+966112106600");
    await user.click(screen.getByRole("button", { name: "حفظ البيانات" }));

    expect(await screen.findByText("حُفظت التغييرات.")).toBeInTheDocument();
    expect(phone).not.toHaveAttribute("aria-invalid");
  });

  test("the API's rules are checked before sending", async () => {
    const server = mockFetch();
    serveSalon(server);
    const { user } = renderRoutes(routes, "/manage/3/salon");

    await user.clear(await screen.findByLabelText("الاسم بالعربية"));
    await user.clear(screen.getByLabelText("الرقم الضريبي"));
    await user.type(screen.getByLabelText("الرقم الضريبي"), "123");
    await user.clear(screen.getByLabelText("خط العرض"));
    await user.type(screen.getByLabelText("خط العرض"), "٩١");
    await user.click(screen.getByRole("button", { name: "حفظ البيانات" }));

    expect(screen.getByLabelText("الاسم بالعربية")).toHaveAccessibleDescription("هذا الحقل مطلوب.");
    expect(screen.getByLabelText("الرقم الضريبي")).toHaveAccessibleDescription(
      "يظهر في الفواتير. اتركه فارغًا إن لم يكن الصالون مسجّلًا في ضريبة القيمة المضافة. الرقم الضريبي ١٥ رقمًا يبدأ بـ ٣ وينتهي بـ ٣.",
    );
    expect(screen.getByLabelText("خط العرض")).toHaveAccessibleDescription(
      "مثل 24.7136 أدخل رقمًا من ؜-٩٠ إلى ٩٠ بست خانات عشرية على الأكثر.",
    );
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/")).toHaveLength(0);
  });

  test("hiding the salon from customers is confirmed first", async () => {
    const server = mockFetch();
    serveSalon(server);
    server.on("PATCH", "/api/manage/salons/3/", ({ body }) => json({ ...salonProfile, ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/salon");

    await user.click(await screen.findByRole("checkbox", { name: "الصالون ظاهر للعملاء ويستقبل الحجوزات" }));
    await user.click(screen.getByRole("button", { name: "حفظ البيانات" }));
    const dialog = screen.getByRole("dialog", { name: "إخفاء الصالون عن العملاء؟" });
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "نعم، أخفِ الصالون" }));

    await vi.waitFor(() =>
      expect(server.requestsTo("PATCH", "/api/manage/salons/3/")[0]?.body).toEqual({ is_active: false }),
    );
  });

  test("the booking policy is sent as numbers, its bounds checked", async () => {
    const server = mockFetch();
    serveSalon(server);
    server.on("PATCH", "/api/manage/salons/3/", ({ body }) => json({ ...salonProfile, ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const step = await screen.findByLabelText("الفاصل بين المواعيد (بالدقائق)");
    await user.clear(step);
    await user.type(step, "3");
    await user.click(screen.getByRole("button", { name: "حفظ السياسة" }));
    expect(step).toHaveAccessibleDescription(
      "تُعرض أوقات البدء على هذا الفاصل من منتصف الليل (٥ إلى ١٢٠). أدخل عددًا صحيحًا من ٥ إلى ١٢٠.",
    );

    await user.clear(step);
    await user.type(step, "١٥");
    await user.click(screen.getByRole("button", { name: "حفظ السياسة" }));

    expect(await screen.findByText("حُفظت التغييرات.")).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/")[0]?.body).toEqual({
      lead_time_minutes: 60,
      booking_horizon_days: 60,
      slot_step_minutes: 15,
      cancellation_window_hours: 48,
      hold_minutes: 15,
      confirmation_window_hours: 24,
      requires_prepayment: true,
      unconfirmed_policy: "auto_confirm",
      no_show_policy: "none",
      no_show_fee_percent: 100,
      no_show_limit: 0,
    });
  });

  test("the page has no accessibility problems axe can find", async () => {
    const server = mockFetch();
    serveSalon(server);
    const { container } = renderRoutes(routes, "/manage/3/salon");
    await screen.findByLabelText("الاسم بالعربية");
    expect(await accessibilityViolations(container)).toEqual([]);
    expect(screen.getByText(managedSalon.name_ar)).toBeInTheDocument();
  });
});

describe("the salon's photos", () => {
  const photo = (id: number, overrides: object = {}) => ({
    id,
    url: `/media/salons/gallery/${id}.jpg`,
    thumbnail_url: `/media/salons/gallery/${id}-thumb.jpg`,
    width: 1600,
    height: 1200,
    caption_ar: "",
    caption_en: "",
    display_order: id,
    is_cover: false,
    ...overrides,
  });

  test("a photo is uploaded with its caption; a wrong file is refused before sending", async () => {
    const server = mockFetch();
    serveSalon(server);
    server.on("POST", "/api/manage/salons/3/photos/", () => json(photo(1, { caption_ar: "الاستقبال" }), 201));
    const { user } = renderRoutes(routes, "/manage/3/salon");

    const file = await screen.findByLabelText("الصورة");
    // A file the picker's filter would hide (dropped in, or "all files" chosen).
    fireEvent.change(file, { target: { files: [new File(["%PDF"], "menu.pdf", { type: "application/pdf" })] } });
    await user.click(screen.getByRole("button", { name: "رفع الصورة" }));
    expect(file).toHaveAccessibleDescription(
      "JPEG أو PNG أو WebP، حتى ٨ ميغابايت. اختر صورة بصيغة JPEG أو PNG أو WebP.",
    );
    expect(server.requestsTo("POST", "/api/manage/salons/3/photos/")).toHaveLength(0);

    const image = new File(["jpeg"], "lobby.jpg", { type: "image/jpeg" });
    fireEvent.change(file, { target: { files: [image] } });
    await user.type(screen.getAllByLabelText("التعليق بالعربية")[0]!, "الاستقبال");
    await user.click(screen.getByRole("button", { name: "رفع الصورة" }));

    expect(await screen.findByText("أُضيفت الصورة.")).toBeInTheDocument();
    const sent = server.requestsTo("POST", "/api/manage/salons/3/photos/")[0]?.body as FormData;
    expect(sent.get("image")).toBe(image);
    expect(sent.get("caption_ar")).toBe("الاستقبال");
    expect(sent.has("caption_en")).toBe(false);
  });

  test("photos are reordered, made the cover and deleted after a confirmation", async () => {
    let photos = [
      photo(1, { caption_ar: "الاستقبال", is_cover: true, display_order: 0 }),
      photo(2, { display_order: 1 }),
    ];
    const server = mockFetch();
    serveSalon(server);
    server.on("GET", "/api/manage/salons/3/photos/", () => json(photos));
    server.on("PATCH", "/api/manage/salons/3/photos/:id/", ({ params, body }) =>
      json({ ...photo(Number(params.id)), ...(body as object) }),
    );
    server.on("DELETE", "/api/manage/salons/3/photos/:id/", ({ params }) => {
      photos = photos.filter((p) => p.id !== Number(params.id));
      return json(null, 204);
    });
    const { user } = renderRoutes(routes, "/manage/3/salon");

    await user.click(await screen.findByRole("button", { name: "قدّم «الصورة ٢»" }));
    await vi.waitFor(() =>
      expect(server.requestsTo("PATCH", "/api/manage/salons/3/photos/:id/").map((r) => [r.path, r.body])).toEqual([
        ["/api/manage/salons/3/photos/2/", { display_order: 0 }],
        ["/api/manage/salons/3/photos/1/", { display_order: 1 }],
      ]),
    );

    await user.click(screen.getByRole("button", { name: /^اجعلها صورة الغلاف/ }));
    await vi.waitFor(() =>
      expect(server.requestsTo("PATCH", "/api/manage/salons/3/photos/:id/").at(-1)?.body).toEqual({ is_cover: true }),
    );

    await user.click(screen.getByRole("button", { name: "حذف «الاستقبال»" }));
    const dialog = screen.getByRole("dialog", { name: "حذف هذه الصورة؟" });
    expect(within(dialog).getByText(/هذه صورة الغلاف/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "نعم، احذف الصورة" }));

    await vi.waitFor(() => expect(screen.queryByRole("button", { name: "حذف «الاستقبال»" })).not.toBeInTheDocument());
    expect(server.requestsTo("DELETE", "/api/manage/salons/3/photos/:id/")[0]?.path).toBe(
      "/api/manage/salons/3/photos/1/",
    );
  });
});
