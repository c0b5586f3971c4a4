import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import type { WorkingInterval, WorkingWeekInput } from "@/types/models";
import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { manageRoutes, serveManagedSalons, team } from "./manage-fixtures";
import { Component as StylistPage } from "./manage-stylist";

const routes = manageRoutes("team/:staffId", StylistPage);

const WEEK: WorkingInterval[] = [
  { weekday: 6, start: "09:00", end: "13:00" },
  // Thursday evening into Friday morning.
  { weekday: 3, start: "20:00", end: "02:00" },
];

function serveStylist(server: ReturnType<typeof mockFetch>) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/staff/", team);
  server.on("GET", "/api/manage/salons/3/staff/11/hours/", WEEK);
  server.on("GET", "/api/manage/salons/3/staff/11/time-off/", []);
  server.on("GET", "/api/manage/salons/3/staff/11/special-hours/", []);
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("a stylist's weekly hours", () => {
  test("shows the week from Sunday, overnight shifts as such; overlaps are caught before sending", async () => {
    const server = mockFetch();
    serveStylist(server);
    const { user, container } = renderRoutes(routes, "/manage/3/team/11");

    expect(await screen.findByRole("heading", { level: 1, name: "مواعيد عمل العنود" })).toBeInTheDocument();
    expect(await screen.findByText("لا توجد إجازات")).toBeInTheDocument();
    expect(await screen.findByText("لا توجد أيام خاصة")).toBeInTheDocument();
    const days = screen.getAllByRole("group").filter((group) => group.tagName === "FIELDSET");
    expect(days.slice(0, 7).map((day) => day.querySelector("legend")?.textContent)).toEqual([
      "الأحد",
      "الإثنين",
      "الثلاثاء",
      "الأربعاء",
      "الخميس",
      "الجمعة",
      "السبت",
    ]);
    const thursday = screen.getByRole("group", { name: "الخميس" });
    expect(within(thursday).getByText("تمتد بعد منتصف الليل إلى الجمعة")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "الإثنين" })).getByText("إجازة")).toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);

    const sunday = screen.getByRole("group", { name: "الأحد" });
    await user.click(within(sunday).getByRole("button", { name: "إضافة فترة يوم الأحد" }));
    const second = within(sunday).getByRole("group", { name: "الأحد، الفترة ٢" });
    await user.type(within(second).getByLabelText("من"), "12:00");
    await user.type(within(second).getByLabelText("إلى"), "15:00");
    // Friday 01:00 starts inside Thursday's shift that runs until 02:00.
    const friday = screen.getByRole("group", { name: "الجمعة" });
    await user.click(within(friday).getByRole("button", { name: "إضافة فترة يوم الجمعة" }));
    const fridayRow = within(friday).getByRole("group", { name: "الجمعة، الفترة ١" });
    await user.clear(within(fridayRow).getByLabelText("من"));
    await user.type(within(fridayRow).getByLabelText("من"), "01:00");
    await user.click(screen.getByRole("button", { name: "حفظ ساعات الأسبوع" }));

    expect(screen.getByText("صحّح الفترات المشار إليها ثم احفظ.")).toBeInTheDocument();
    const first = within(sunday).getByRole("group", { name: "الأحد، الفترة ١" });
    expect(within(first).getByLabelText("من")).toHaveAccessibleDescription("تتداخل مع فترة أخرى في اليوم نفسه.");
    expect(within(second).getByLabelText("إلى")).toHaveAttribute("aria-invalid", "true");
    expect(within(fridayRow).getByLabelText("من")).toHaveAccessibleDescription(
      "تتداخل مع فترة الخميس الممتدة بعد منتصف الليل.",
    );
    expect(server.requestsTo("PUT", "/api/manage/salons/3/staff/11/hours/")).toHaveLength(0);
  });

  test("the week is replaced whole; rows the server refuses are marked next to them", async () => {
    const server = mockFetch();
    serveStylist(server);
    server.once("PUT", "/api/manage/salons/3/staff/11/hours/", () =>
      apiError(400, "invalid", "البيانات المدخلة غير صحيحة.", {
        errors: { hours: ["لا يمكن أن تتداخل فترات العمل في اليوم نفسه."], rows: ["1"] },
      }),
    );
    server.on("PUT", "/api/manage/salons/3/staff/11/hours/", ({ body }) => json((body as WorkingWeekInput).hours));
    const { user } = renderRoutes(routes, "/manage/3/team/11");

    const sunday = await screen.findByRole("group", { name: "الأحد" });
    const row = within(sunday).getByRole("group", { name: "الأحد، الفترة ١" });
    await user.clear(within(row).getByLabelText("إلى"));
    await user.type(within(row).getByLabelText("إلى"), "14:00");
    await user.click(screen.getByRole("button", { name: "حفظ ساعات الأسبوع" }));

    // Monday first, as the API numbers the days: Thursday's row is 0, Sunday's is 1.
    expect(await screen.findByText("لم تُحفظ الساعات")).toBeInTheDocument();
    expect(within(row).getByLabelText("من")).toHaveAccessibleDescription(
      "لا يمكن أن تتداخل فترات العمل في اليوم نفسه.",
    );
    expect(within(row).getByLabelText("من")).toHaveAttribute("aria-invalid", "true");
    const thursday = within(screen.getByRole("group", { name: "الخميس" })).getByRole("group", {
      name: "الخميس، الفترة ١",
    });
    expect(within(thursday).getByLabelText("من")).not.toHaveAttribute("aria-invalid");
    expect(server.requestsTo("PUT", "/api/manage/salons/3/staff/11/hours/")[0]?.body).toEqual({
      hours: [
        { weekday: 3, start: "20:00", end: "02:00" },
        { weekday: 6, start: "09:00", end: "14:00" },
      ],
      cancel_affected: false,
    });

    await user.click(screen.getByRole("button", { name: "حفظ ساعات الأسبوع" }));
    expect(await screen.findByText("حُفظت ساعات العمل.")).toBeInTheDocument();
    // The week shown is the one the server saved.
    const saved = within(screen.getByRole("group", { name: "الأحد" })).getByRole("group", { name: "الأحد، الفترة ١" });
    expect(within(saved).getByLabelText("إلى")).toHaveValue("14:00");
    expect(within(saved).getByLabelText("من")).not.toHaveAccessibleDescription();
  });

  test("hours that orphan bookings list them and save only once their cancellation is confirmed", async () => {
    const server = mockFetch();
    serveStylist(server);
    server.on("PUT", "/api/manage/salons/3/staff/11/hours/", ({ body }) =>
      !(body as WorkingWeekInput).cancel_affected
        ? apiError(409, "bookings_affected", "", {
            affected: [
              {
                id: 41,
                reference: "SLN-0041",
                start: "2026-11-26T21:00:00+03:00",
                end: "2026-11-26T22:00:00+03:00",
                service_name: "استشوار",
                customer_first_name: "سارة",
                staff_id: 11,
                status: "confirmed",
              },
            ],
          })
        : json((body as WorkingWeekInput).hours),
    );
    const { user } = renderRoutes(routes, "/manage/3/team/11");

    const thursday = await screen.findByRole("group", { name: "الخميس" });
    await user.click(within(thursday).getByRole("button", { name: "حذف الخميس، الفترة ١" }));
    await user.click(screen.getByRole("button", { name: "حفظ ساعات الأسبوع" }));

    const dialog = await screen.findByRole("dialog", { name: "حجوزات خارج الساعات الجديدة" });
    expect(within(dialog).getByText("استشوار لـسارة")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "متابعة" }));
    expect(within(dialog).getByText("سيُلغى حجز واحد ونُبلغ صاحبه.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "ألغِ الحجز" }));

    expect(await screen.findByText("حُفظت ساعات العمل.")).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(server.requestsTo("PUT", "/api/manage/salons/3/staff/11/hours/").map((request) => request.body)).toEqual([
      { hours: [{ weekday: 6, start: "09:00", end: "13:00" }], cancel_affected: false },
      { hours: [{ weekday: 6, start: "09:00", end: "13:00" }], cancel_affected: true },
    ]);
  });
});

describe("a stylist's time off and special days", () => {
  // This year's dates are written without their year: "now" is fixed in the fixtures' year.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T09:00:00+03:00"));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  test("time off is entered on the salon's clock and sent with its offset; removing it is confirmed", async () => {
    let entries = [{ id: 7, start: "2026-12-01T09:00:00+03:00", end: "2026-12-03T21:00:00+03:00", reason: "إجازة" }];
    const server = mockFetch();
    serveStylist(server);
    server.on("GET", "/api/manage/salons/3/staff/11/time-off/", () => json(entries));
    server.on("POST", "/api/manage/salons/3/staff/11/time-off/", ({ body }) => {
      const created = { id: 8, ...(body as { start: string; end: string; reason: string }) };
      entries = [...entries, created];
      return json(created, 201);
    });
    server.on("DELETE", "/api/manage/salons/3/staff/11/time-off/:id/", ({ params }) => {
      entries = entries.filter((entry) => entry.id !== Number(params.id));
      return json(null, 204);
    });
    const { user } = renderRoutes(routes, "/manage/3/team/11");

    const section = await screen.findByRole("region", { name: "الإجازات والغياب" });
    expect(
      await within(section).findByText("١ ديسمبر في ٩:٠٠ ص – ٣ ديسمبر في ٩:٠٠ م", { selector: "p" }),
    ).toBeInTheDocument();
    const form = within(section).getByRole("form", { name: "إضافة إجازة" });
    fireEvent.change(within(form).getByLabelText("من"), { target: { value: "2026-11-24T10:00" } });
    fireEvent.change(within(form).getByLabelText("إلى"), { target: { value: "2026-11-24T09:00" } });
    await user.click(within(form).getByRole("button", { name: "إضافة الإجازة" }));
    expect(within(form).getByLabelText("إلى")).toHaveAccessibleDescription("يجب أن تنتهي الإجازة بعد بدئها.");

    fireEvent.change(within(form).getByLabelText("إلى"), { target: { value: "2026-11-24T14:30" } });
    await user.type(within(form).getByLabelText("السبب"), "موعد طبيب");
    await user.click(within(form).getByRole("button", { name: "إضافة الإجازة" }));

    expect(await within(section).findByText("موعد طبيب")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/staff/11/time-off/")[0]?.body).toEqual({
      start: "2026-11-24T10:00:00+03:00",
      end: "2026-11-24T14:30:00+03:00",
      reason: "موعد طبيب",
    });

    await user.click(within(section).getByRole("button", { name: "حذف ١ ديسمبر في ٩:٠٠ ص – ٣ ديسمبر في ٩:٠٠ م" }));
    const dialog = screen.getByRole("dialog", { name: "حذف هذه الإجازة؟" });
    expect(within(dialog).getByText("ستُتاح العنود للحجز في هذا الوقت من جديد.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "نعم، احذف الإجازة" }));
    await vi.waitFor(() => expect(within(section).queryByText("إجازة")).not.toBeInTheDocument());
  });

  test("time off from the stylist's Google Calendar is shown as such and cannot be removed here", async () => {
    const server = mockFetch();
    serveStylist(server);
    server.on("GET", "/api/manage/salons/3/staff/11/time-off/", [
      { id: 9, start: "2026-12-01T10:00:00+03:00", end: "2026-12-01T11:00:00+03:00", reason: "", source: "google" },
    ]);
    server.on("GET", "/api/calendar/google/status/", {
      staff_id: 11,
      status: "connected",
      calendar_id: "primary",
      calendar_name: "العنود",
      last_synced_at: "2026-11-22T08:55:00+03:00",
      last_error: "",
      last_error_at: null,
      connected_at: "2026-11-20T08:00:00+03:00",
      pending_changes: 0,
      failed_changes: 0,
    });
    server.on("GET", "/api/calendar/google/conflicts/", []);
    renderRoutes(routes, "/manage/3/team/11");

    const section = await screen.findByRole("region", { name: "الإجازات والغياب" });
    expect(await within(section).findByText("من تقويم Google: تُعدَّل هناك.")).toBeInTheDocument();
    expect(within(section).queryByRole("button", { name: /^حذف/ })).not.toBeInTheDocument();
    const card = await screen.findByRole("region", { name: "تقويم Google" });
    expect(within(card).getByRole("button", { name: "فك الربط" })).toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/calendar/google/status/")[0]?.query.get("staff_id")).toBe("11");
  });

  test("a special day off is added for a date", async () => {
    const server = mockFetch();
    serveStylist(server);
    server.on("POST", "/api/manage/salons/3/staff/11/special-hours/", ({ body }) =>
      json({ id: 3, ...(body as object) }, 201),
    );
    const { user } = renderRoutes(routes, "/manage/3/team/11");

    const section = await screen.findByRole("region", { name: "أيام خاصة" });
    const form = within(section).getByRole("form", { name: "إضافة يوم خاص" });
    fireEvent.change(within(form).getByLabelText("التاريخ"), { target: { value: "2026-12-02" } });
    await user.click(within(form).getByRole("radio", { name: "ساعات مختلفة" }));
    fireEvent.change(within(form).getByLabelText("من"), { target: { value: "22:00" } });
    fireEvent.change(within(form).getByLabelText("إلى"), { target: { value: "03:00" } });
    expect(within(form).getByLabelText("إلى")).toHaveAccessibleDescription("تمتد بعد منتصف الليل إلى اليوم التالي.");
    await user.click(within(form).getByRole("radio", { name: "إجازة" }));
    await user.click(within(form).getByRole("button", { name: "إضافة اليوم" }));

    expect(await within(form).findByText("أُضيف اليوم الخاص.")).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/manage/salons/3/staff/11/special-hours/")[0]?.body).toEqual({
      date: "2026-12-02",
      start: null,
      end: null,
    });
  });
});
