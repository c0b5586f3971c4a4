import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import type { AffectedBooking, ManagedStaff } from "@/types/models";
import { session } from "@/lib/auth/session";
import { changeLanguage } from "@/lib/i18n";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { managedService, manageRoutes, serveManagedSalons, stylist, team } from "./manage-fixtures";
import { Component as TeamPage } from "./manage-team";

const routes = manageRoutes("team", TeamPage);

function affected(id: number, start: string, customer: string): AffectedBooking {
  const end = start.replace(/T(\d{2})/, (_m, hour: string) => `T${String(Number(hour) + 1).padStart(2, "0")}`);
  return {
    id,
    reference: `SLN-00${id}`,
    start,
    end,
    service_name: "استشوار",
    customer_first_name: customer,
    staff_id: 11,
    status: "confirmed",
  };
}

const AFFECTED = [
  affected(41, "2026-11-24T10:00:00+03:00", "سارة"),
  affected(42, "2026-11-24T12:00:00+03:00", "نوف"),
  affected(43, "2026-11-25T16:00:00+03:00", "لمى"),
];

function serveTeam(server: ReturnType<typeof mockFetch>, staff: () => ManagedStaff[] = () => team) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/staff/", () => json(staff()));
  server.on("GET", "/api/manage/salons/3/services/", [
    managedService(),
    managedService({ id: 25, name_ar: "صبغة شعر كاملة", name_en: "Full colour" }),
  ]);
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("the salon's team", () => {
  test("a stylist is added by mobile number, with the services they offer", async () => {
    let staff = team;
    const server = mockFetch();
    serveTeam(server, () => staff);
    server.on("POST", "/api/manage/salons/3/staff/", ({ body }) => {
      const added = stylist({ id: 13, display_name: "ريم", phone_number: "+966555123456", service_ids: [25] });
      staff = [...staff, added];
      return json({ ...added, ...(body as object), phone_number: added.phone_number }, 201);
    });
    const { user, container } = renderRoutes(routes, "/manage/3/team");

    await user.click(await screen.findByRole("button", { name: "إضافة مختصة" }));
    const dialog = screen.getByRole("dialog", { name: "مختصة جديدة" });
    await user.type(within(dialog).getByLabelText("رقم الجوال"), "٠٥٥٥١٢٣٤٥");
    await user.click(within(dialog).getByRole("button", { name: "إضافة" }));
    expect(within(dialog).getByLabelText("رقم الجوال")).toHaveAccessibleDescription(
      "أدخل رقم جوال سعوديًا صحيحًا، مثل 05XXXXXXXX.",
    );
    expect(within(dialog).getByLabelText("الاسم بالعربية")).toHaveAccessibleDescription(
      "الاسم الذي يراه العملاء. هذا الحقل مطلوب.",
    );
    expect(await accessibilityViolations(container)).toEqual([]);

    await user.type(within(dialog).getByLabelText("رقم الجوال"), "٦");
    await user.type(within(dialog).getByLabelText("الاسم بالعربية"), "ريم");
    await user.type(within(dialog).getByLabelText("الاسم بالإنجليزية"), " Reem ");
    await user.click(within(dialog).getByRole("checkbox", { name: "صبغة شعر كاملة" }));
    await user.click(within(dialog).getByRole("button", { name: "إضافة" }));

    expect(await screen.findByText("أُضيفت ريم وأُبلغت برسالة نصية.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/staff/")[0]?.body).toEqual({
      phone_number: "0555123456",
      display_name: "ريم",
      display_name_en: "Reem",
      service_ids: [25],
    });
    expect(await screen.findByRole("heading", { name: "ريم" })).toBeInTheDocument();
  });

  test("in English the team shows each stylist's English name, the Arabic one when there is none; both are edited", async () => {
    await changeLanguage("en");
    const server = mockFetch();
    serveTeam(server, () => [stylist(), stylist({ id: 12, display_name: "دانة", display_name_en: "" })]);
    server.on("PATCH", "/api/manage/salons/3/staff/11/", ({ body }) => json({ ...stylist(), ...(body as object) }));
    const { user } = renderRoutes(routes, "/manage/3/team");

    expect(await screen.findByRole("heading", { name: "Alanoud" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "دانة" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Edit Alanoud" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Alanoud" });
    expect(within(dialog).getByLabelText("Name in Arabic")).toHaveValue("العنود");
    const english = within(dialog).getByLabelText("Name in English");
    expect(english).toHaveAttribute("dir", "ltr");
    await user.clear(english);
    await user.type(english, "Al Anoud");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    expect(await screen.findByText(/Al Anoud/)).toBeInTheDocument();
    expect(server.requestsTo("PATCH", "/api/manage/salons/3/staff/11/")[0]?.body).toMatchObject({
      display_name: "العنود",
      display_name_en: "Al Anoud",
    });
  });

  test("deactivating a stylist with bookings ahead lists them; cancelling them is confirmed with what it does", async () => {
    const server = mockFetch();
    serveTeam(server);
    server.on("DELETE", "/api/manage/salons/3/staff/11/", ({ query }) =>
      query.get("cancel_affected") === "true"
        ? json(stylist({ is_active: false }))
        : apiError(409, "bookings_affected", "لدى المختصة حجوزات قادمة.", { affected: AFFECTED }),
    );
    const { user, container } = renderRoutes(routes, "/manage/3/team");

    await user.click(await screen.findByRole("button", { name: "إيقاف العنود" }));
    const dialog = screen.getByRole("dialog", { name: "إيقاف العنود؟" });
    await user.click(within(dialog).getByRole("button", { name: "إيقاف" }));

    expect(await within(dialog).findByText("هذا التغيير يترك ٣ حجوزات بلا مختصة:")).toBeInTheDocument();
    const bookings = within(dialog).getAllByRole("listitem");
    expect(bookings.map((item) => item.textContent)).toEqual([
      "الثلاثاء، ٢٤ نوفمبر، ١٠:٠٠ ص – ١١:٠٠ صاستشوار لـسارة SLN-0041",
      "الثلاثاء، ٢٤ نوفمبر، ١٢:٠٠ م – ١:٠٠ ماستشوار لـنوف SLN-0042",
      "الأربعاء، ٢٥ نوفمبر، ٤:٠٠ م – ٥:٠٠ ماستشوار لـلمى SLN-0043",
    ]);
    expect(await accessibilityViolations(container)).toEqual([]);

    await user.click(within(dialog).getByRole("radio", { name: "ألغِها (نُبلغ العملاء)" }));
    await user.type(within(dialog).getByLabelText("سبب الإلغاء"), "سفر المختصة");
    await user.click(within(dialog).getByRole("button", { name: "متابعة" }));

    expect(within(dialog).getByText("ستُلغى ٣ حجوزات ونُبلغ أصحابها.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "ألغِ ٣ حجوزات" }));

    expect(await screen.findByText("أُوقفت العنود. أُلغيت ٣ حجوزات وأُبلغ أصحابها.")).toBeInTheDocument();
    const sent = server.requestsTo("DELETE", "/api/manage/salons/3/staff/11/").map((request) => request.query);
    expect(sent.map((query) => Object.fromEntries(query))).toEqual([
      {},
      { cancel_affected: "true", reason: "سفر المختصة" },
    ]);
  });

  test("the affected bookings can move to another stylist instead", async () => {
    const server = mockFetch();
    serveTeam(server);
    server.on("DELETE", "/api/manage/salons/3/staff/11/", ({ query }) =>
      query.get("reassign_to")
        ? json(stylist({ is_active: false }))
        : apiError(409, "bookings_affected", "", { affected: AFFECTED.slice(0, 1) }),
    );
    const { user } = renderRoutes(routes, "/manage/3/team");

    await user.click(await screen.findByRole("button", { name: "إيقاف العنود" }));
    const dialog = screen.getByRole("dialog", { name: "إيقاف العنود؟" });
    await user.click(within(dialog).getByRole("button", { name: "إيقاف" }));
    await within(dialog).findByText("هذا التغيير يترك حجزًا واحدًا بلا مختصة:");
    expect(within(dialog).getByRole("radio", { name: "انقلها إلى مختصة أخرى" })).toBeChecked();
    expect(within(dialog).getByLabelText("المختصة")).toHaveDisplayValue("دانة");
    await user.click(within(dialog).getByRole("button", { name: "متابعة" }));
    expect(within(dialog).getByText("سيُنقل حجز واحد إلى دانة.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "انقل الحجز" }));

    expect(await screen.findByText("أُوقفت العنود. نُقل حجز واحد إلى دانة.")).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(server.requestsTo("DELETE", "/api/manage/salons/3/staff/11/").at(-1)?.url.search).toBe("?reassign_to=12"),
    );
  });
});
