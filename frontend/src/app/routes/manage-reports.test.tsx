import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from "vitest";

import type { ChartSpec } from "@/features/reports/components/chart-spec";
import { figures, heatmap, summary } from "@/features/reports/reports-fixtures";
import { session } from "@/lib/auth/session";
import { changeLanguage } from "@/lib/i18n";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { currentUrl, renderRoutes } from "@/testing/render";

import { manageRoutes, serveManagedSalons } from "./manage-fixtures";
import { Component as ReportsPage } from "./manage-reports";

// Canvas drawing is not for jsdom: the chart shows what it was given (its spec is tested on its own).
vi.mock("@/features/reports/components/ChartCanvas", () => ({
  default: ({ spec }: { spec: ChartSpec }) => (
    <div data-testid="chart" data-rtl={String(spec.rtl)}>
      {spec.labels.join("|")}
    </div>
  ),
}));

const routes = manageRoutes("reports", ReportsPage);
// Intl writes an Arabic letter mark around signs and percent signs.
const ALM = "\u061c";

const NOVEMBER = figures({
  gross_paid: 1_560_000,
  refunded: 18_000,
  net: 1_542_000,
  expected_at_salon: 250_000,
  bookings: 42,
  confirmed: 8,
  completed: 29,
  cancelled: 3,
  cancelled_by_customer: 2,
  cancelled_by_salon: 1,
  no_show: 2,
  no_show_rate: 0.0476,
  utilisation: 0.625,
  booked_minutes: 3750,
  working_minutes: 6000,
  new_customers: 9,
  returning_customers: 14,
  rating_average: 4.8,
  rating_count: 12,
});
const OCTOBER = figures({
  net: 1_285_000,
  gross_paid: 1_285_000,
  bookings: 35,
  completed: 33,
  no_show: 2,
  no_show_rate: 0.0571,
  utilisation: 0.5,
  working_minutes: 6000,
  new_customers: 9,
  rating_average: 4.6,
  rating_count: 10,
});

/** November's figures for November (and this week's days), October's for anything before. */
function serveReports(server: ReturnType<typeof mockFetch>, current = NOVEMBER, previous = OCTOBER) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/reports/summary/", ({ query }) => {
    const from = query.get("from")!;
    const to = query.get("to")!;
    return json(summary(from, to, from >= "2026-11-01" ? current : previous));
  });
  server.on("GET", "/api/manage/salons/3/reports/heatmap/", ({ query }) =>
    json(heatmap(query.get("from")!, query.get("to")!)),
  );
}

const card = (name: string) => screen.getByRole("article", { name });
const cellsOf = (row: HTMLElement) =>
  Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.replace(/\s+/g, " "));

beforeEach(() => {
  // Tuesday 24 November 2026, noon in Riyadh.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-24T09:00:00Z"));
  session.signIn("access-1");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the salon's reports", () => {
  test("this month's key figures against the 30 days before, in Arabic with Hijri dates", async () => {
    const server = mockFetch();
    serveReports(server);
    renderRoutes(routes, "/manage/3/reports");

    expect(await screen.findByRole("heading", { level: 1, name: "التقارير" })).toBeInTheDocument();
    await screen.findByRole("article", { name: "الحجوزات" });
    const asked = server
      .requestsTo("GET", "/api/manage/salons/3/reports/summary/")
      .map((r) => Object.fromEntries(r.query));
    expect(asked).toEqual([
      { from: "2026-11-01", to: "2026-11-30", group_by: "day" },
      { from: "2026-10-02", to: "2026-10-31", group_by: "day" },
    ]);
    expect(screen.getByRole("radio", { name: "هذا الشهر" })).toBeChecked();
    expect(screen.getByText("١–٣٠ نوفمبر ٢٠٢٦")).toBeInTheDocument();
    expect(screen.getByText("٢١ جمادى الأولى – ٢٠ جمادى الآخرة ١٤٤٨ هـ")).toBeInTheDocument();
    expect(screen.getByText(/تُقارَن الأرقام بالفترة السابقة المساوية لها: ٢–٣١ أكتوبر ٢٠٢٦/)).toBeInTheDocument();

    expect(within(card("الحجوزات")).getByText("٤٢")).toBeInTheDocument();
    expect(card("الحجوزات")).toHaveTextContent(`${ALM}+٢٠٪${ALM} عن الفترة السابقة (تحسّن)`);
    expect(within(card("صافي الإيرادات")).getByText("‏١٥٬٤٢٠٫٠٠ ر.س.‏")).toBeInTheDocument();
    expect(card("صافي الإيرادات")).toHaveTextContent(`${ALM}+٢٠٪${ALM} عن الفترة السابقة`);
    expect(within(card("نسبة الإشغال")).getByText(`٦٢٫٥٪${ALM}`)).toBeInTheDocument();
    expect(card("نسبة الإشغال")).toHaveTextContent(`${ALM}+١٢٫٥ نقطة مئوية عن الفترة السابقة (تحسّن)`);
    // Fewer no-shows is good news.
    expect(card("نسبة عدم الحضور")).toHaveTextContent(`٤٫٨٪${ALM}`);
    expect(card("نسبة عدم الحضور")).toHaveTextContent("(تحسّن)");
    expect(card("العملاء الجدد")).toHaveTextContent("٩و١٤ عميلًا عائدًادون تغيير عن الفترة السابقة");
    expect(card("التقييم")).toHaveTextContent(`٤٫٨من ١٢ تقييمًا${ALM}+٠٫٢ عن الفترة السابقة`);
  });

  test("each chart has its figures as a table, and the charts are drawn right to left", async () => {
    const server = mockFetch();
    serveReports(server);
    renderRoutes(routes, "/manage/3/reports");
    await screen.findByRole("article", { name: "الحجوزات" });

    const revenue = screen.getByRole("table", { name: "الإيرادات عبر الزمن" });
    expect(within(revenue).getAllByRole("row")).toHaveLength(31);
    expect(cellsOf(within(revenue).getAllByRole("row")[1]!)).toEqual([
      "الأحد، ١ نوفمبر",
      "‏٩٠٠٫٠٠ ر.س.‏",
      "‏١٨٠٫٠٠ ر.س.‏",
      "‏٧٢٠٫٠٠ ر.س.‏",
      "‏٠٫٠٠ ر.س.‏",
    ]);
    const statuses = screen.getByRole("table", { name: "الحجوزات حسب الحالة" });
    expect(within(statuses).getAllByRole("row").map(cellsOf)).toEqual([
      ["الحالة", "العدد", "النسبة"],
      ["مؤكد", "٨", `١٩٪${ALM}`],
      ["مكتمل", "٢٩", `٦٩٪${ALM}`],
      ["ألغاه العميل", "٢", `٤٫٨٪${ALM}`],
      ["ألغاه الصالون", "١", `٢٫٤٪${ALM}`],
      ["لم يحضر", "٢", `٤٫٨٪${ALM}`],
    ]);
    // Largest first.
    const services = screen.getByRole("table", { name: "الإيرادات حسب الخدمة" });
    expect(cellsOf(within(services).getAllByRole("row")[1]!)).toEqual([
      "صبغة شعر كاملة",
      "١٢",
      "٩",
      "‏١٠٬٢٠٠٫٠٠ ر.س.‏",
      "‏١٠٬٢٠٠٫٠٠ ر.س.‏",
    ]);
    expect(screen.getByRole("table", { name: "الإيرادات حسب المختص" })).toHaveTextContent("العنود");
    const busy = await screen.findByRole("table", { name: "أوقات الذروة" });
    expect(cellsOf(within(busy).getAllByRole("row")[5]!).slice(0, 1)).toEqual(["الخميس"]);
    expect(cellsOf(within(busy).getAllByRole("row")[5]!)[20]).toBe("٦");
    expect(screen.getByText("الأكثر ازدحامًا: الخميس الساعة ٧ م (٦ زيارات)")).toBeInTheDocument();

    // The charts are drawn right to left, with the days as the dates are written.
    const [revenueChart] = await screen.findAllByTestId("chart");
    expect(revenueChart).toHaveAttribute("data-rtl", "true");
    expect(revenueChart!.textContent.split("|").slice(0, 2)).toEqual(["١ نوفمبر", "٢ نوفمبر"]);
  });

  test("the page has no accessibility problems axe can find", async () => {
    const server = mockFetch();
    serveReports(server);
    const { container } = renderRoutes(routes, "/manage/3/reports?period=today");
    await screen.findByRole("table", { name: "أوقات الذروة" });
    await screen.findAllByTestId("chart");

    expect(await accessibilityViolations(container)).toEqual([]);
    // axe walks the heat map's 7 × 24 grid and table: slow on a busy machine.
  }, 15_000);

  test("a preset and a custom period go to the address; a reversed range is refused before asking", async () => {
    const server = mockFetch();
    serveReports(server);
    const { user, router } = renderRoutes(routes, "/manage/3/reports");
    await screen.findByRole("article", { name: "الحجوزات" });

    await user.click(screen.getByRole("radio", { name: "هذا الأسبوع" }));
    expect(currentUrl(router)).toBe("/manage/3/reports?period=week");
    expect(await screen.findByText("٢٢–٢٨ نوفمبر ٢٠٢٦")).toBeInTheDocument();
    expect(screen.getByText("١٢–١٨ جمادى الآخرة ١٤٤٨ هـ")).toBeInTheDocument();
    await screen.findByRole("article", { name: "الحجوزات" });
    expect(
      server
        .requestsTo("GET", "/api/manage/salons/3/reports/summary/")
        .slice(-2)
        .map((r) => r.query.get("from")),
    ).toEqual(["2026-11-22", "2026-11-15"]);

    await user.click(screen.getByRole("radio", { name: "فترة مخصصة" }));
    const form = screen.getByRole("form", { name: "فترة مخصصة" });
    const from = within(form).getByLabelText("من");
    const to = within(form).getByLabelText("إلى");
    await user.clear(from);
    await user.type(from, "2026-11-20");
    await user.clear(to);
    await user.type(to, "2026-11-10");
    const before = server.requests.length;
    await user.click(within(form).getByRole("button", { name: "اعرض الفترة" }));
    expect(within(form).getByRole("alert")).toHaveTextContent("تاريخ النهاية قبل تاريخ البداية.");
    expect(server.requests).toHaveLength(before);

    await user.clear(to);
    await user.type(to, "2026-11-21");
    await user.click(within(form).getByRole("button", { name: "اعرض الفترة" }));
    expect(currentUrl(router)).toBe("/manage/3/reports?period=custom&from=2026-11-20&to=2026-11-21");
    expect(await screen.findByText("٢٠–٢١ نوفمبر ٢٠٢٦")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "فترة مخصصة" })).toBeChecked();
  });

  test("a period with nothing in it says so, and the files can still be downloaded", async () => {
    const server = mockFetch();
    serveReports(server, figures(), figures());
    renderRoutes(routes, "/manage/3/reports?period=today");

    expect(await screen.findByText("لا حجوزات ولا مدفوعات في هذه الفترة")).toBeInTheDocument();
    expect(within(card("الحجوزات")).getByText("٠")).toBeInTheDocument();
    expect(card("الحجوزات")).toHaveTextContent("دون تغيير عن الفترة السابقة");
    expect(card("التقييم")).toHaveTextContent("التقييم—لا تقييمات في الفترة");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "تنزيل الحجوزات بصيغة CSV" })).toBeEnabled();
  });

  test("a failure says what happened and offers to try again; a failed comparison only says it", async () => {
    const server = mockFetch();
    serveManagedSalons(server);
    server.once("GET", "/api/manage/salons/3/reports/summary/", () => apiError(503, "service_unavailable"));
    server.on("GET", "/api/manage/salons/3/reports/summary/", ({ query }) =>
      query.get("from") === "2026-11-01"
        ? json(summary("2026-11-01", "2026-11-30", NOVEMBER))
        : apiError(500, "server_error"),
    );
    server.on("GET", "/api/manage/salons/3/reports/heatmap/", () => apiError(500, "server_error"));
    const { user } = renderRoutes(routes, "/manage/3/reports");

    const alert = await screen.findByRole("alert");
    await user.click(within(alert).getByRole("button", { name: "حاول مرة أخرى" }));

    expect(await screen.findByRole("article", { name: "الحجوزات" })).toHaveTextContent("٤٢");
    expect(await within(card("الحجوزات")).findByText("تعذّرت المقارنة بالفترة السابقة")).toBeInTheDocument();
    const busy = screen.getByRole("region", { name: "أوقات الذروة" });
    expect(await within(busy).findByRole("alert")).toBeInTheDocument();
  });

  test("an export is fetched with the session's token and saved under the server's name", async () => {
    const server = mockFetch();
    serveReports(server);
    server.on(
      "GET",
      "/api/manage/salons/3/exports/bookings.csv",
      () =>
        new Response("\ufeffالمرجع;التاريخ\r\n", {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": 'attachment; filename="dalal-beauty-lounge-bookings-2026-11-01-2026-11-30.csv"',
          },
        }),
    );
    server.on("GET", "/api/manage/salons/3/exports/payments.xlsx", () => apiError(403, "not_a_manager", "ممنوع"));
    // jsdom has no object URLs: give the page one for the test only.
    const createObjectURL = vi.fn(() => "blob:report");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, "createObjectURL");
      Reflect.deleteProperty(URL, "revokeObjectURL");
    });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = renderRoutes(routes, "/manage/3/reports");

    await user.click(await screen.findByRole("button", { name: "تنزيل الحجوزات بصيغة CSV" }));

    expect(await screen.findByText(/نُزِّل الملف/)).toHaveTextContent(
      "نُزِّل الملف \u2066dalal-beauty-lounge-bookings-2026-11-01-2026-11-30.csv\u2069.",
    );
    expect(clicked).toEqual([
      { href: "blob:report", download: "dalal-beauty-lounge-bookings-2026-11-01-2026-11-30.csv" },
    ]);
    const [request] = server.requestsTo("GET", "/api/manage/salons/3/exports/bookings.csv");
    expect(request?.headers.get("Authorization")).toBe("Bearer access-1");
    expect(request?.headers.get("Accept")).toBe("text/csv");
    expect(request?.headers.get("Accept-Language")).toBe("ar");
    expect(Object.fromEntries(request!.query)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));

    await user.click(screen.getByRole("button", { name: "تنزيل المدفوعات بصيغة Excel" }));
    expect(await screen.findByText("تعذّر تنزيل الملف")).toBeInTheDocument();
    expect(clicked).toHaveLength(1);
  });

  test("in English the page reads left to right and a chart can be read as a table", async () => {
    await changeLanguage("en");
    const server = mockFetch();
    serveReports(server);
    const { user } = renderRoutes(routes, "/manage/3/reports?period=last_month");

    expect(await screen.findByRole("article", { name: "Net revenue" })).toHaveTextContent("SAR 12,850.00");
    expect(screen.getByText((text) => text.replace(/\s/g, " ") === "October 1 – 31, 2026")).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute("dir", "ltr");
    const [chart] = await screen.findAllByTestId("chart");
    expect(chart).toHaveAttribute("data-rtl", "false");

    const revenue = screen.getByRole("region", { name: "Revenue over time" });
    const table = within(revenue).getByRole("table", { name: "Revenue over time" });
    expect(table.parentElement).toHaveClass("visually-hidden");
    await user.click(within(revenue).getByRole("button", { name: "Show as table" }));
    expect(within(revenue).getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
    expect(table.parentElement).not.toHaveClass("visually-hidden");
    expect(within(revenue).queryByTestId("chart")).not.toBeInTheDocument();
    expect(cellsOf(within(table).getAllByRole("row")[1]!)[0]).toBe("Thu, Oct 1");
  });
});
