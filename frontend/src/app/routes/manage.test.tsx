import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { apiError, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { User } from "@/types/models";

import { routes } from "../router";
import { managedSalon, otherSalon, serveManagedSalons } from "./manage-fixtures";

const manager: User = { ...customer, id: 4, first_name: "نورة", role: "manager", manages_salons: true };

function serveSignedIn(server: ReturnType<typeof mockFetch>, user: User = manager) {
  server.on("GET", "/api/auth/me/", user);
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
}

beforeEach(() => {
  session.signIn("access-1");
});

describe("the manage area", () => {
  test("a manager reaches it from the header and lands on the first salon's day", async () => {
    const server = mockFetch();
    serveSignedIn(server);
    serveManagedSalons(server);
    server.on("GET", "/api/salons/", { count: 0, next: null, previous: null, results: [] });
    server.on("GET", "/api/salons/categories/", []);
    const { user, router, container } = renderRoutes(routes, "/");

    await user.click(await screen.findByRole("link", { name: "الإدارة" }));

    expect(await screen.findByRole("heading", { level: 1, name: "اليوم" })).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/manage/3/today");
    const sections = screen.getByRole("navigation", { name: "أقسام الإدارة" });
    expect(
      within(sections)
        .getAllByRole("link")
        .map((link) => [link.textContent, link.getAttribute("href")]),
    ).toEqual([
      ["اليوم", "/manage/3/today"],
      ["التقويم", "/manage/3/calendar"],
      ["الخدمات", "/manage/3/services"],
      ["الباقات", "/manage/3/packages"],
      ["الفريق", "/manage/3/team"],
      ["الصالون", "/manage/3/salon"],
      ["العملاء", "/manage/3/customers"],
      ["التقارير", "/manage/3/reports"],
      ["الفواتير", "/manage/3/invoices"],
      ["المالية", "/manage/3/finance"],
      ["سجل التغييرات", "/manage/3/activity"],
    ]);
    expect(within(sections).getByRole("link", { name: "اليوم" })).toHaveAttribute("aria-current", "page");
    // One salon: its name, no switcher.
    expect(screen.getByText(managedSalon.name_ar)).toBeInTheDocument();
    expect(screen.queryByLabelText("الصالون")).not.toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  test("someone who manages several salons switches between them on the same section", async () => {
    const server = mockFetch();
    serveSignedIn(server);
    serveManagedSalons(server, [managedSalon, otherSalon]);
    const { user, router } = renderRoutes(routes, "/manage/3/calendar");

    const switcher = await screen.findByLabelText("الصالون");
    expect(switcher).toHaveDisplayValue(managedSalon.name_ar);
    await user.selectOptions(switcher, otherSalon.name_ar);

    expect(currentUrl(router)).toBe("/manage/5/calendar");
    expect(await screen.findByRole("heading", { level: 1, name: "التقويم" })).toBeInTheDocument();
  });

  test("a salon the person does not manage is not found", async () => {
    const server = mockFetch();
    serveSignedIn(server);
    serveManagedSalons(server);
    renderRoutes(routes, "/manage/99/today");

    expect(await screen.findByText("هذا الصالون ليس من الصالونات التي تديرها")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "صالوناتي" })).toHaveAttribute("href", "/manage");
  });

  test("someone who manages no salon has no way in", async () => {
    const server = mockFetch();
    serveSignedIn(server, customer);
    server.on("GET", "/api/manage/salons/", () =>
      apiError(403, "not_a_manager", "Only a salon's managers can do this."),
    );
    renderRoutes(routes, "/manage");

    expect(await screen.findByText("لا تدير أي صالون")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "حسابي" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "الإدارة" })).not.toBeInTheDocument();
  });
});
