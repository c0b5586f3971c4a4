import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { paginated } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { SalonSummary } from "@/types/api";

import { Component as Home } from "./home";

const routes = [
  { path: "/", Component: Home },
  { path: "/salons/:salonId", element: <p>salon page</p> },
];

const dalal: SalonSummary = {
  id: 3,
  slug: "dalal-beauty-lounge",
  name: "صالون دلال للتجميل",
  city: "riyadh",
  city_name: "الرياض",
  district: "النرجس",
  audience: "women",
  rating: 4.9,
  review_count: 187,
  cover_photo_url: null,
  price_range: { min: 18000, max: 450000, currency: "SAR" },
  requires_prepayment: true,
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T06:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("finding a salon", () => {
  test("results show rating, review count, district and price range", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/", paginated([dalal]));

    renderRoutes(routes, "/");

    const card = await screen.findByRole("link", { name: /صالون دلال للتجميل/ });
    expect(within(card).getByText("النرجس، الرياض")).toBeInTheDocument();
    expect(within(card).getByRole("img", { name: "التقييم ٤٫٩ من ٥ من ١٨٧ مراجعة" })).toBeInTheDocument();
    expect(within(card).getByText(/١٨٠.*–.*٤٬٥٠٠/)).toHaveTextContent(
      /^\u200f١٨٠ ر.س.\u200f – \u200f٤٬٥٠٠ ر.س.\u200f$/,
    );
    expect(within(card).getByText("الدفع عبر الإنترنت لتأكيد الحجز")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "صالون واحد" })).toBeInTheDocument();
    expect(card).toHaveAttribute("href", "/salons/3");
  });

  test("words, city, category, women/men and 'free today' go to the API and the URL", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/", paginated([dalal]));
    const { user, router } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.type(screen.getByLabelText("الصالون أو الخدمة"), "استشوار");
    await user.click(screen.getByRole("button", { name: "بحث" }));
    await user.selectOptions(screen.getByLabelText("المدينة"), "الرياض");
    await user.selectOptions(screen.getByLabelText("الخدمة"), "شعر");
    await user.click(screen.getByRole("radio", { name: "نساء" }));
    await user.click(screen.getByRole("checkbox", { name: "مواعيد متاحة اليوم" }));

    expect(currentUrl(router)).toBe(
      "/?q=%D8%A7%D8%B3%D8%AA%D8%B4%D9%88%D8%A7%D8%B1&city=riyadh&category=hair&audience=women&today=1",
    );
    await vi.waitFor(() =>
      expect(Object.fromEntries(server.requests.at(-1)!.query)).toEqual({
        q: "استشوار",
        city: "riyadh",
        category: "hair",
        audience: "women",
        has_availability_on: "2026-11-22",
        page: "1",
      }),
    );
  });

  test("no results: says so and offers to clear the search", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/", paginated([]));
    const { user, router } = renderRoutes(routes, "/?q=xyz&city=jeddah");

    expect(await screen.findByText("لا يوجد صالون يطابق بحثك")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "مسح البحث" }));

    expect(currentUrl(router)).toBe("/");
  });

  test("a failure says what happened and can be retried", async () => {
    const server = mockFetch();
    server.once("GET", "/api/salons/", () => apiError(503, "server_error", ""));
    server.on("GET", "/api/salons/", () => json(paginated([dalal])));
    const { user } = renderRoutes(routes, "/");

    expect(await screen.findByRole("alert")).toHaveTextContent("واجه الخادم مشكلة. حاول مرة أخرى بعد قليل.");
    await user.click(screen.getByRole("button", { name: "حاول مرة أخرى" }));

    expect(await screen.findByRole("link", { name: /صالون دلال/ })).toBeInTheDocument();
  });
});
