import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { mockFetch } from "@/testing/fetch-mock";
import { invoiceDocument } from "@/testing/invoice-fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as InvoicesPage } from "./manage-invoices";
import { manageRoutes, serveManagedSalons } from "./manage-fixtures";

const routes = manageRoutes("invoices", InvoicesPage);
const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, " ").trim();

const DOCUMENTS = [
  invoiceDocument({
    id: 13,
    kind: "credit_note",
    number: "CRN-3-000003",
    issued_at: "2026-11-21T09:30:00+03:00",
    total: 5000,
    vat: 652,
    references: "INV-3-000001",
  }),
  invoiceDocument({ id: 12, number: "INV-3-000002", booking_reference: "SLN-9QX2A", customer_name: "نورة" }),
  invoiceDocument(),
];

function serveInvoices(server: ReturnType<typeof mockFetch>, { vatNumberMissing = false } = {}) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/invoices/", ({ query }) => {
    const kind = query.get("kind");
    const results = kind ? DOCUMENTS.filter((document) => document.kind === kind) : DOCUMENTS;
    return new Response(
      JSON.stringify({
        count: kind ? results.length : 45,
        next: null,
        previous: null,
        results,
        vat_number_missing: vatNumberMissing,
      }),
      { headers: { "Content-Type": "application/json" } },
    );
  });
}

beforeEach(() => {
  session.signIn("access-1");
  // This year's dates are written without their year: "now" is fixed in the fixtures' year.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T09:00:00+03:00"));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("the salon's invoices", () => {
  test("lists invoices and credit notes, latest first, with amounts and what a credit note refers to", async () => {
    const server = mockFetch();
    serveInvoices(server);
    const { container } = renderRoutes(routes, "/manage/3/invoices");

    const table = await screen.findByRole("table", { name: "المستندات" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => textOf(row.querySelector("th")))).toEqual([
      "CRN-3-000003إشعار دائنيشير إلى INV-3-000001",
      "INV-3-000002فاتورة ضريبية",
      "INV-3-000001فاتورة ضريبية",
    ]);
    expect(Array.from(rows[0]!.querySelectorAll("td"), textOf).slice(0, 5)).toEqual([
      "٢١ نوفمبر ٩:٣٠ ص",
      "SLN-83MCF",
      "سارة العتيبي",
      "؜-‏٥٠٫٠٠ ر.س.‏",
      "؜-‏٦٫٥٢ ر.س.‏",
    ]);
    expect(screen.getByText("٤٥ مستندًا")).toBeInTheDocument();
    expect(screen.queryByText("الفواتير الضريبية تحتاج إلى رقم ضريبي")).not.toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("a salon without a VAT number is told that tax invoices need one", async () => {
    const server = mockFetch();
    serveInvoices(server, { vatNumberMissing: true });
    renderRoutes(routes, "/manage/3/invoices");

    expect(await screen.findByText("الفواتير الضريبية تحتاج إلى رقم ضريبي")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "أضف الرقم الضريبي" })).toHaveAttribute("href", "/manage/3/salon");
  });

  test("filters by kind and period through the address; exports need a period", async () => {
    const server = mockFetch();
    serveInvoices(server);
    const { user, router } = renderRoutes(routes, "/manage/3/invoices");
    await screen.findByRole("table", { name: "المستندات" });
    expect(screen.getByRole("button", { name: "تصدير CSV" })).toBeDisabled();

    await user.selectOptions(screen.getByLabelText("النوع"), "credit_note");
    await user.type(screen.getByLabelText("من"), "2026-11-01");
    await user.type(screen.getByLabelText("إلى"), "2026-11-30");

    expect(currentUrl(router)).toBe("/manage/3/invoices?from=2026-11-01&to=2026-11-30&kind=credit_note");
    const last = server.requestsTo("GET", "/api/manage/salons/3/invoices/").at(-1)!;
    expect([last.query.get("from"), last.query.get("to"), last.query.get("kind")]).toEqual([
      "2026-11-01",
      "2026-11-30",
      "credit_note",
    ]);
    expect(screen.getByRole("button", { name: "تصدير CSV" })).toBeEnabled();
  });

  test("exports and each document's PDF are downloaded with the session's token", async () => {
    const server = mockFetch();
    serveInvoices(server);
    const file = (name: string) => () =>
      new Response("x", { headers: { "Content-Disposition": `attachment; filename="${name}"` } });
    server.on("GET", "/api/manage/salons/3/exports/invoices.xlsx", file("dalal-invoices.xlsx"));
    server.on("GET", "/api/manage/salons/3/invoices/:id.pdf", file("INV-3-000002.pdf"));
    Object.assign(URL, { createObjectURL: vi.fn(() => "blob:file"), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { user } = renderRoutes(routes, "/manage/3/invoices?from=2026-11-01&to=2026-11-30");
    await screen.findByRole("table", { name: "المستندات" });

    await user.click(screen.getByRole("button", { name: "تصدير Excel" }));
    await user.click(screen.getByRole("button", { name: "تنزيل INV-3-000002 بصيغة PDF" }));

    await vi.waitFor(() => expect(saved).toEqual(["dalal-invoices.xlsx", "INV-3-000002.pdf"]));
    const [exported] = server.requestsTo("GET", "/api/manage/salons/3/exports/invoices.xlsx");
    expect([exported?.query.get("from"), exported?.query.get("to")]).toEqual(["2026-11-01", "2026-11-30"]);
    expect(exported?.headers.get("Authorization")).toBe("Bearer access-1");
    expect(server.requestsTo("GET", "/api/manage/salons/3/invoices/:id.pdf")[0]?.path).toBe(
      "/api/manage/salons/3/invoices/12.pdf",
    );
  });
});
