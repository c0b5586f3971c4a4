import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { changeLanguage } from "@/lib/i18n";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { currentUrl, renderRoutes } from "@/testing/render";

import { balance, details, fixClock, payout, routes, sar, serveFinance, statement } from "./finance-fixtures";

/** The figure of a balance card, by its label. */
function card(label: string) {
  const term = screen.getByText(label, { selector: "dt" });
  return within(term.parentElement!);
}

beforeEach(() => {
  session.signIn("access-1");
  fixClock();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the balance", () => {
  test("every figure in Arabic digits as SAR, the commission rate as a percentage, and why money is pending", async () => {
    const server = mockFetch();
    serveFinance(server);
    const { container } = renderRoutes(routes, "/manage/3/finance");

    expect(await screen.findByRole("heading", { level: 1, name: "المالية" })).toBeInTheDocument();
    await screen.findByText("متاح للتحويل");
    expect(card("متاح للتحويل").getByText(sar("١٢٠٫٠٠"))).toBeInTheDocument();
    expect(card("معلّق").getByText(sar("١٤٥٫٥٠"))).toBeInTheDocument();
    expect(card("معلّق").getByText(/ما زال استردادها ممكنًا.*وهي ٧٢ ساعة بعد انتهاء الموعد/)).toBeInTheDocument();
    expect(card("قيد التحويل").getByText(sar("٥٠٫٠٠"))).toBeInTheDocument();
    expect(card("حُوِّل إلى الصالون").getByText(sar("٤٦٤٫٦٣"))).toBeInTheDocument();
    expect(card("عمولة المنصة").getByText("١٠٪")).toBeInTheDocument();
    expect(card("الحد الأدنى للتحويل").getByText(sar("١٠٠٫٠٠"))).toBeInTheDocument();
    expect(screen.getByText(`المستحق للصالون الآن: ${sar("٢٦٥٫٥٠")} (المتاح والمعلّق)`)).toBeInTheDocument();
    expect(screen.queryByText("التحويلات متوقفة: لم يُضف رقم الآيبان بعد")).not.toBeInTheDocument();

    await screen.findByRole("table");
    await screen.findByDisplayValue("مؤسسة دلال للتجميل");
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("the pending money's explanation names the refund window's hours, in either language", async () => {
    const server = mockFetch();
    serveFinance(server, { balance: { ...balance, refund_window_hours: 2 } });
    renderRoutes(routes, "/manage/3/finance");

    await screen.findByText("معلّق", { selector: "dt" });
    expect(card("معلّق").getByText(/وهي ساعتان بعد انتهاء الموعد/)).toBeInTheDocument();
    await changeLanguage("en");
    expect(await screen.findByText(/the refund window, 2 hours after the visit, has passed/)).toBeInTheDocument();
    await changeLanguage("ar");
  });

  test("without an IBAN, payouts are off and the notice points to the payout details", async () => {
    const server = mockFetch();
    serveFinance(server, {
      balance: { ...balance, payouts_enabled: false, commission_rate_bps: 1250 },
      details: { ...details, iban_masked: "", iban_set: false, updated_at: null },
    });
    renderRoutes(routes, "/manage/3/finance");

    expect(await screen.findByText("التحويلات متوقفة: لم يُضف رقم الآيبان بعد")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "إلى بيانات التحويل" })).toHaveAttribute("href", "#payout-details");
    expect(card("عمولة المنصة").getByText("١٢٫٥٪")).toBeInTheDocument();
    expect(await screen.findByText("لم يُضف بعد")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "إضافة الآيبان" })).toBeInTheDocument();
  });

  test("a failure to load it can be retried", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.once("GET", "/api/manage/salons/3/balance/", () => apiError(500, "server_error"));
    const { user } = renderRoutes(routes, "/manage/3/finance");

    const alert = await screen.findByText("واجه الخادم مشكلة. حاول مرة أخرى بعد قليل.");
    await user.click(within(alert.closest("[role=alert]")!).getByRole("button", { name: "حاول مرة أخرى" }));

    expect(await screen.findByText("متاح للتحويل")).toBeInTheDocument();
  });
});

describe("the statement", () => {
  test("this month by default: opening and closing balance, each entry with its kind, reference, signed amount and balance", async () => {
    const server = mockFetch();
    serveFinance(server);
    renderRoutes(routes, "/manage/3/finance");

    const table = await screen.findByRole("table", { name: "قيود الفترة ١–٧ ديسمبر ٢٠٢٦" });
    expect(server.requestsTo("GET", "/api/manage/salons/3/balance/statement/")[0]?.url.search).toBe(
      "?from=2026-12-01&to=2026-12-07",
    );
    expect(screen.getByRole("button", { name: "هذا الشهر" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("الرصيد الافتتاحي").nextElementSibling).toHaveTextContent(sar("١٠٠٫٠٠"));
    expect(screen.getByText("الرصيد الختامي").nextElementSibling).toHaveTextContent(sar("١١٢٫٧٥"));

    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const [captured, commission, paidOut] = rows.map((row) => within(row).getAllByRole("cell"));
    expect(captured?.[0]).toHaveTextContent("٣ ديسمبر ١:٠٦ م");
    expect(captured?.[1]).toHaveTextContent("دفعة حجزدفعة الحجز DMO-00004");
    expect(captured?.[2]).toHaveTextContent("الحجز DMO-00004");
    expect(captured?.[3]).toHaveTextContent("\u061c+\u200f١٥٠٫٠٠ ر.س.");
    expect(captured?.[3]).toHaveClass("ledger-amount--in");
    expect(captured?.[4]).toHaveTextContent(sar("٢٥٠٫٠٠"));
    expect(commission?.[1]).toHaveTextContent("عمولة المنصة");
    expect(commission?.[3]).toHaveTextContent("\u061c-\u200f١٥٫٠٠ ر.س.");
    expect(commission?.[3]).toHaveClass("ledger-amount--out");
    expect(paidOut?.[1]).toHaveTextContent("تحويل إلى البنك");
    expect(paidOut?.[2]).toHaveTextContent("التحويل PO-000001");
    expect(paidOut?.[4]).toHaveTextContent(sar("١١٢٫٧٥"));
  });

  test("last month at a press, and any two days; the period is kept in the address", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.on("GET", "/api/manage/salons/3/balance/statement/", ({ query }) =>
      json({ ...statement, from: query.get("from"), to: query.get("to"), entries: [] }),
    );
    const { user, router } = renderRoutes(routes, "/manage/3/finance");
    await screen.findByText("لا توجد قيود في هذه الفترة.");

    await user.click(screen.getByRole("button", { name: "الشهر الماضي" }));
    await vi.waitFor(() =>
      expect(server.requestsTo("GET", "/api/manage/salons/3/balance/statement/").at(-1)?.url.search).toBe(
        "?from=2026-11-01&to=2026-11-30",
      ),
    );
    expect(currentUrl(router)).toBe("/manage/3/finance?from=2026-11-01&to=2026-11-30");
    expect(screen.getByRole("button", { name: "الشهر الماضي" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByLabelText("من تاريخ")).toHaveValue("2026-11-01");

    const from = screen.getByLabelText("من تاريخ");
    const to = screen.getByLabelText("إلى تاريخ");
    await user.clear(from);
    await user.type(from, "2026-10-15");
    await user.clear(to);
    await user.type(to, "2026-10-01");
    await user.click(screen.getByRole("button", { name: "عرض الكشف" }));
    expect(to).toHaveAccessibleDescription("تاريخ النهاية يسبق تاريخ البداية.");
    expect(currentUrl(router)).toBe("/manage/3/finance?from=2026-11-01&to=2026-11-30");

    await user.clear(to);
    await user.type(to, "2026-10-31");
    await user.click(screen.getByRole("button", { name: "عرض الكشف" }));
    await vi.waitFor(() => expect(currentUrl(router)).toBe("/manage/3/finance?from=2026-10-15&to=2026-10-31"));
    expect(server.requestsTo("GET", "/api/manage/salons/3/balance/statement/").at(-1)?.url.search).toBe(
      "?from=2026-10-15&to=2026-10-31",
    );
    expect(screen.getByRole("button", { name: "الشهر الماضي" })).toHaveAttribute("aria-pressed", "false");
  });

  test("the statement's error can be retried", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.once("GET", "/api/manage/salons/3/balance/statement/", () =>
      apiError(400, "invalid", "البيانات المدخلة غير صحيحة.", { errors: { to: ["نهاية الفترة تسبق بدايتها."] } }),
    );
    const { user } = renderRoutes(routes, "/manage/3/finance");

    const region = (await screen.findByRole("heading", { name: "كشف الحساب" })).closest("section")!;
    await within(region).findByText("البيانات المدخلة غير صحيحة.");
    await user.click(within(region).getByRole("button", { name: "حاول مرة أخرى" }));

    expect(await within(region).findByRole("table")).toBeInTheDocument();
  });

  test("CSV, Excel and PDF are fetched with the access token and saved under the server's file name", async () => {
    const server = mockFetch();
    serveFinance(server);
    server.on("GET", "/api/manage/salons/3/balance/statement.csv", () =>
      Promise.resolve(
        new Response("\ufeffالتاريخ,المبلغ\r\n", {
          headers: {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": 'attachment; filename="dalal-statement-2026-12-01-2026-12-07.csv"',
          },
        }),
      ),
    );
    server.once("GET", "/api/manage/salons/3/balance/statement.xlsx", () =>
      apiError(403, "not_a_manager", "لست مديرًا."),
    );
    server.on("GET", "/api/manage/salons/3/balance/statement.pdf", () =>
      Promise.resolve(
        new Response("%PDF-1.7", {
          headers: {
            "Content-Type": "application/pdf",
            "Content-Disposition": 'attachment; filename="dalal-statement-2026-12-01-2026-12-07.pdf"',
          },
        }),
      ),
    );
    const saved: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    // jsdom makes no object URLs: a stand-in for this test (unstubbed after it).
    const revokeObjectURL = vi.fn();
    vi.stubGlobal(
      "URL",
      class extends URL {
        static createObjectURL = vi.fn(() => "blob:statement");
        static revokeObjectURL = revokeObjectURL;
      },
    );
    const { user } = renderRoutes(routes, "/manage/3/finance");
    await screen.findByRole("table");

    const downloads = within(screen.getByRole("group", { name: "تنزيل كشف ١–٧ ديسمبر ٢٠٢٦" }));
    await user.click(downloads.getByRole("button", { name: "CSV" }));

    await vi.waitFor(() =>
      expect(saved).toEqual([{ name: "dalal-statement-2026-12-01-2026-12-07.csv", href: "blob:statement" }]),
    );
    const [request] = server.requestsTo("GET", "/api/manage/salons/3/balance/statement.csv");
    expect(request?.url.search).toBe("?from=2026-12-01&to=2026-12-07");
    expect(request?.headers.get("Authorization")).toBe("Bearer access-1");
    expect(request?.headers.get("Accept")).toBe("text/csv");

    await user.click(downloads.getByRole("button", { name: "Excel" }));
    expect(await screen.findByText("تعذّر التنزيل: لست مديرًا.")).toBeInTheDocument();
    expect(saved).toHaveLength(1);

    await user.click(downloads.getByRole("button", { name: "PDF" }));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual({ name: "dalal-statement-2026-12-01-2026-12-07.pdf", href: "blob:statement" });
    const [pdf] = server.requestsTo("GET", "/api/manage/salons/3/balance/statement.pdf");
    expect(pdf?.url.search).toBe("?from=2026-12-01&to=2026-12-07");
    expect(pdf?.headers.get("Accept")).toBe("application/pdf");
  });
});

describe("payouts", () => {
  test("each with its status, amount, masked IBAN, bank reference and dates", async () => {
    const server = mockFetch();
    serveFinance(server, {
      payouts: [
        payout({ id: 3, reference: "PO-000003", status: "created", amount: 5000, bank_reference: "", sent_at: null }),
        payout({ id: 2, reference: "PO-000002", status: "returned", returned_at: "2026-12-06T15:00:00+03:00" }),
        payout(),
      ],
    });
    renderRoutes(routes, "/manage/3/finance");

    const payouts = within(await screen.findByRole("region", { name: "التحويلات" }));
    const created = (await payouts.findByText("PO-000003")).closest("li")!;
    expect(within(created).getByText("قيد الإرسال")).toHaveClass("ledger-status--created");
    expect(within(created).getByText(sar("٥٠٫٠٠"))).toBeInTheDocument();
    expect(within(created).queryByText("أُرسل في")).not.toBeInTheDocument();
    const returned = payouts.getByText("PO-000002").closest("li")!;
    expect(within(returned).getByText("مرتجع")).toBeInTheDocument();
    expect(within(returned).getByText("أُرجع في").nextElementSibling).toHaveTextContent("٦ ديسمبر");
    const sent = payouts.getByText("PO-000001").closest("li")!;
    expect(within(sent).getByText("أُرسل")).toBeInTheDocument();
    expect(within(sent).getByText("SA03 **** **** **** **** 7519")).toBeInTheDocument();
    expect(within(sent).getByText("RJHI-2026-000123")).toBeInTheDocument();
    expect(within(sent).getByText(sar("١٢٢٫٢٥"))).toBeInTheDocument();
  });

  test("none yet", async () => {
    const server = mockFetch();
    serveFinance(server, { payouts: [] });
    renderRoutes(routes, "/manage/3/finance");

    expect(await screen.findByText("لا توجد تحويلات بعد.")).toBeInTheDocument();
  });
});
