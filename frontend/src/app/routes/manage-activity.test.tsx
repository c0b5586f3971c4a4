import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { changeLanguage } from "@/lib/i18n";
import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { json, mockFetch } from "@/testing/fetch-mock";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { AuditEntry } from "@/types/models";

import { Component as ActivityPage } from "./manage-activity";
import { manageRoutes, serveManagedSalons } from "./manage-fixtures";

const routes = manageRoutes("activity", ActivityPage);

const cellsOf = (row: HTMLElement) =>
  Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.replace(/\s+/g, " "));

const ENTRIES: AuditEntry[] = [
  {
    id: 90,
    created_at: "2026-11-22T09:15:00+03:00",
    actor: { id: 4, first_name: "نورة" },
    action: "updated",
    object_type: "service",
    object_id: "24",
    object_repr: "استشوار – صالون دلال للتجميل",
    changes: { is_active: [true, false], price_amount: [18000, 20000] },
    details: {},
  },
  {
    id: 89,
    created_at: "2026-11-21T18:00:00+03:00",
    actor: null,
    action: "deactivated",
    object_type: "staff",
    object_id: "12",
    object_repr: "دانة – صالون دلال للتجميل",
    changes: { is_active: [true, false] },
    details: {},
  },
  {
    id: 88,
    created_at: "2026-11-20T08:30:00+03:00",
    actor: { id: 4, first_name: "نورة" },
    action: "updated",
    object_type: "salon",
    object_id: "3",
    object_repr: "صالون دلال للتجميل",
    changes: { name_en: ["", "Dalal Beauty Lounge"] },
    details: {},
  },
];

function serveAudit(server: ReturnType<typeof mockFetch>) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/audit/", ({ query }) => {
    const page = Number(query.get("page") ?? 1);
    const object = query.get("object");
    const results = object ? ENTRIES.filter((entry) => entry.object_type === object) : ENTRIES;
    return json({
      count: object ? results.length : 45,
      next: !object && page < 3 ? `http://testserver/api/manage/salons/3/audit/?page=${page + 1}` : null,
      previous: page > 1 ? "http://testserver/api/manage/salons/3/audit/" : null,
      results,
    });
  });
}

beforeEach(() => {
  session.signIn("access-1");
  // This year's dates are written without their year: "now" is fixed in the fixtures' year.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T09:00:00+03:00"));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the salon's activity", () => {
  test("shows who changed what and when, each field before and after", async () => {
    const server = mockFetch();
    serveAudit(server);
    const { container } = renderRoutes(routes, "/manage/3/activity");

    const service = (await screen.findByRole("heading", { name: "الخدمات: استشوار – صالون دلال للتجميل" })).closest(
      "li",
    )!;
    expect(within(service).getByText(/بواسطة نورة/)).toHaveTextContent("تعديل بواسطة نورة · ٢٢ نوفمبر ٩:١٥ ص");
    const rows = within(within(service).getByRole("table", { name: "الحقول التي تغيرت" })).getAllByRole("row");
    expect(rows.map((row) => cellsOf(row))).toEqual([
      ["الحقل", "قبل", "بعد"],
      ["مفعّل", "نعم", "لا"],
      ["السعر", "‏١٨٠٫٠٠ ر.س.‏", "‏٢٠٠٫٠٠ ر.س.‏"],
    ]);
    const staff = screen.getByRole("heading", { name: "الفريق: دانة – صالون دلال للتجميل" }).closest("li")!;
    expect(within(staff).getByText(/بواسطة النظام/)).toHaveTextContent("إيقاف بواسطة النظام");
    const salon = screen.getByRole("heading", { name: "الصالون: صالون دلال للتجميل" }).closest("li")!;
    expect(cellsOf(within(salon).getAllByRole("row")[1]!)).toEqual(["الاسم بالإنجليزية", "—", "Dalal Beauty Lounge"]);
    expect(screen.getByText("الصفحة ١ من ٣")).toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("pages go back in time and a filter shows one kind of change; both are in the address", async () => {
    const server = mockFetch();
    serveAudit(server);
    const { user, router } = renderRoutes(routes, "/manage/3/activity");

    await user.click(await screen.findByRole("button", { name: "الأقدم" }));
    expect(await screen.findByText("الصفحة ٢ من ٣")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/manage/3/activity?page=2");
    expect(Object.fromEntries(server.requestsTo("GET", "/api/manage/salons/3/audit/").at(-1)!.query)).toEqual({
      page: "2",
      page_size: "20",
    });

    await user.selectOptions(screen.getByLabelText("عرض تغييرات"), "الخدمات");

    await vi.waitFor(() => expect(screen.queryByRole("heading", { name: /^الفريق/ })).not.toBeInTheDocument());
    expect(currentUrl(router)).toBe("/manage/3/activity?object=service");
    expect(Object.fromEntries(server.requestsTo("GET", "/api/manage/salons/3/audit/").at(-1)!.query)).toEqual({
      object: "service",
      page: "1",
      page_size: "20",
    });
    expect(screen.queryByRole("navigation", { name: "صفحات السجل" })).not.toBeInTheDocument();
  });

  test("in English the page reads left to right", async () => {
    await changeLanguage("en");
    const server = mockFetch();
    serveAudit(server);
    renderRoutes(routes, "/manage/3/activity");

    const service = (await screen.findByRole("heading", { name: "Services: استشوار – صالون دلال للتجميل" })).closest(
      "li",
    )!;
    expect(within(service).getByText(/by نورة/)).toHaveTextContent("Changed by نورة · November 22 9:15 AM");
    expect(cellsOf(within(service).getAllByRole("row")[2]!)).toEqual(["Price", "SAR 180.00", "SAR 200.00"]);
    expect(document.documentElement).toHaveAttribute("dir", "ltr");
    expect(screen.getByRole("navigation", { name: "Manage" })).toBeInTheDocument();
  });
});
