import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { changeLanguage } from "@/lib/i18n";
import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, mockFetch } from "@/testing/fetch-mock";
import { invoice } from "@/testing/invoice-fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as InvoicePage } from "./booking-invoice";

const routes = [{ path: "/bookings/:bookingId/invoice", Component: InvoicePage }];
const textOf = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, " ").trim();

beforeEach(() => {
  session.signIn("access-1");
});

afterEach(async () => {
  vi.restoreAllMocks();
  await changeLanguage("ar");
});

describe("the invoice of a booking paid online", () => {
  test("shows the seller, number, time, lines, VAT, totals, QR code and credit notes, Arabic with English", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/invoice/", invoice());
    const { container } = renderRoutes(routes, "/bookings/1/invoice");

    const document = await screen.findByRole("article", { name: /فاتورة ضريبية مبسطة/ });
    expect(document).toHaveAttribute("lang", "ar");
    expect(document).toHaveAttribute("dir", "rtl");
    expect(within(document).getByText("Simplified tax invoice")).toBeInTheDocument();
    const fact = (label: RegExp) =>
      textOf(within(document).getAllByText(label)[0]?.closest("div")?.querySelector("dd"));
    expect(fact(/^البائع/)).toBe("مؤسسة دلال للتجميل");
    expect(fact(/^الرقم الضريبي/)).toBe("310788990100003");
    expect(fact(/^رقم الفاتورة/)).toBe("INV-3-000001");
    expect(fact(/^تاريخ الإصدار/)).toBe("٢٠ نوفمبر ٢٠٢٦ ٢:٠٥ م");
    expect(fact(/^رقم الحجز/)).toBe("SLN-83MCF");
    expect(within(document).getByText("Invoice number")).toHaveAttribute("lang", "en");

    const line = within(document).getByRole("row", { name: /استشوار/ });
    expect(Array.from(line.querySelectorAll("th, td"), textOf)).toEqual([
      "استشوارBlow-dry",
      "١",
      "‏١٥٦٫٥٢ ر.س.‏",
      "١٥٫٠٠٪",
      "‏٢٣٫٤٨ ر.س.‏",
      "‏١٨٠٫٠٠ ر.س.‏",
    ]);
    expect(fact(/^الإجمالي شامل الضريبة/)).toBe("‏١٨٠٫٠٠ ر.س.‏");
    const qr = within(document).getByRole("img", { name: /رمز الاستجابة السريعة للفاتورة/ });
    expect(qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);

    const notes = within(document).getByRole("region", { name: /الإشعارات الدائنة/ });
    expect(within(notes).getByText("CRN-3-000004")).toBeInTheDocument();
    expect(within(notes).getByText("‏٥٠٫٠٠ ر.س.‏")).toBeInTheDocument();
    expect(within(notes).getByRole("img", { name: "رمز الاستجابة السريعة للإشعار الدائن CRN-3-000004" })).toBeVisible();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("a receipt shows no VAT and says it is not a tax invoice", async () => {
    const server = mockFetch();
    server.on(
      "GET",
      "/api/bookings/1/invoice/",
      invoice({
        kind: "receipt",
        number: "RCT-3-000001",
        seller: { name: "صالون دلال", vat_number: "" },
        vat: 0,
        subtotal_excl_vat: 18000,
        qr: null,
        qr_svg: null,
        credit_notes: [],
      }),
    );
    renderRoutes(routes, "/bookings/1/invoice");

    const document = await screen.findByRole("article", { name: /^إيصال/ });
    expect(within(document).queryByText(/الرقم الضريبي/)).not.toBeInTheDocument();
    expect(within(document).queryByRole("img")).not.toBeInTheDocument();
    expect(within(document).getByText(/وهذا المستند ليس فاتورة ضريبية/)).toBeInTheDocument();
  });

  test("prints on A4 or an 80 mm receipt, the choice kept in the address", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/invoice/", invoice());
    const print = vi.spyOn(window, "print").mockImplementation(() => undefined);
    const { user, router, container } = renderRoutes(routes, "/bookings/1/invoice");

    await screen.findByRole("article", { name: /فاتورة ضريبية مبسطة/ });
    expect(container.querySelector("style")?.textContent).toContain("size: A4");
    await user.click(screen.getByRole("radio", { name: "إيصال ٨٠ مم" }));

    expect(currentUrl(router)).toBe("/bookings/1/invoice?paper=receipt");
    expect(container.querySelector(".invoice-view--receipt")).not.toBeNull();
    expect(container.querySelector("style")?.textContent).toContain("size: 80mm auto");
    await user.click(screen.getByRole("button", { name: "طباعة" }));
    expect(print).toHaveBeenCalledOnce();
  });

  test("the PDF is fetched with the session's token and saved under the server's name", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/invoice/", invoice());
    server.on(
      "GET",
      "/api/bookings/1/invoice.pdf",
      () =>
        new Response(new Uint8Array([37, 80, 68, 70]), {
          headers: {
            "Content-Type": "application/pdf",
            "Content-Disposition": 'attachment; filename="INV-3-000001.pdf"',
          },
        }),
    );
    const createObjectURL = vi.fn(() => "blob:invoice");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("INV-3-000001.pdf");
    });
    const { user } = renderRoutes(routes, "/bookings/1/invoice?paper=receipt");

    await user.click(await screen.findByRole("button", { name: "تنزيل PDF" }));

    await vi.waitFor(() => expect(click).toHaveBeenCalledOnce());
    const [request] = server.requestsTo("GET", "/api/bookings/1/invoice.pdf");
    expect(request?.headers.get("Authorization")).toBe("Bearer access-1");
    expect(request?.query.get("size")).toBe("receipt");
  });

  test("a booking without an invoice says why", async () => {
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/invoice/", () =>
      apiError(404, "invoice_not_found", "لا توجد فاتورة لهذا الحجز."),
    );
    renderRoutes(routes, "/bookings/1/invoice");

    expect(await screen.findByText(/تصدر الفاتورة للحجوزات المدفوعة عبر الإنترنت/)).toBeInTheDocument();
  });

  test("in English the page speaks English and the document stays Arabic", async () => {
    await changeLanguage("en");
    const server = mockFetch();
    server.on("GET", "/api/bookings/1/invoice/", invoice());
    renderRoutes(routes, "/bookings/1/invoice");

    const document = await screen.findByRole("article", { name: /فاتورة ضريبية مبسطة/ });
    expect(screen.getByRole("button", { name: "Download PDF" })).toBeInTheDocument();
    expect(within(document).getByText("مؤسسة دلال للتجميل")).toBeInTheDocument();
    expect(within(document).getAllByText(/^البائع/).length).toBeGreaterThan(0);
  });
});
