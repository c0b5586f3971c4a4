import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { paginated } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { SalonSummary, ServiceCategory } from "@/types/models";

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
  cover_photo_srcset: null,
  price_range: { min: 18000, max: 450000, currency: "SAR" },
  requires_prepayment: true,
  is_favourite: false,
  latitude: 24.872,
  longitude: 46.664,
  distance_km: null,
};

// As the API lists them: the operator's categories, in their order, named in the request's language.
const categories: ServiceCategory[] = [
  { id: 1, slug: "hair", name: "شعر" },
  { id: 2, slug: "nails", name: "أظافر" },
  { id: 12, slug: "lashes", name: "رموش" },
];

// As the API lists them: only the cities with an active salon.
const cities = [
  { code: "riyadh", name: "الرياض" },
  { code: "jeddah", name: "جدة" },
];

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
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
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
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([dalal]));
    const { user, router } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.type(screen.getByLabelText("الصالون أو الخدمة"), "استشوار");
    await user.click(screen.getByRole("button", { name: "بحث" }));
    await user.selectOptions(screen.getByLabelText("المدينة"), "الرياض");
    await user.selectOptions(screen.getByLabelText("الخدمة"), "شعر");
    await user.click(screen.getByRole("radio", { name: "نساء" }));
    await user.click(within(screen.getByRole("group", { name: "مواعيد متاحة" })).getByRole("radio", { name: "اليوم" }));

    expect(currentUrl(router)).toBe(
      "/?q=%D8%A7%D8%B3%D8%AA%D8%B4%D9%88%D8%A7%D8%B1&city=riyadh&category=hair&audience=women&day=today",
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

  test("the city filter offers only the cities with salons, as the API lists them", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([dalal]));
    renderRoutes(routes, "/");

    const city = await screen.findByLabelText("المدينة");
    await vi.waitFor(() =>
      expect(
        within(city)
          .getAllByRole("option")
          .map((option) => option.textContent),
      ).toEqual(["كل المدن", "الرياض", "جدة"]),
    );
    expect(server.requestsTo("GET", "/api/salons/cities/")).toHaveLength(1);
  });

  test("the category filter offers the categories the API lists, by their names", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([dalal]));
    const { user, router } = renderRoutes(routes, "/");

    const filter = screen.getByLabelText("الخدمة");
    await within(filter).findByRole("option", { name: "رموش" });
    expect(
      within(filter)
        .getAllByRole("option")
        .map((option) => [option.textContent, option.getAttribute("value")]),
    ).toEqual([
      ["كل الخدمات", ""],
      ["شعر", "hair"],
      ["أظافر", "nails"],
      ["رموش", "lashes"],
    ]);
    await user.selectOptions(filter, "رموش");

    expect(currentUrl(router)).toBe("/?category=lashes");
    await vi.waitFor(() => expect(server.requests.at(-1)?.query.get("category")).toBe("lashes"));
    expect(server.requestsTo("GET", "/api/salons/categories/")[0]?.headers.get("Accept-Language")).toBe("ar");
  });

  test("a link's category shows as chosen", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([dalal]));

    renderRoutes(routes, "/?category=nails&city=riyadh");

    await screen.findByRole("link", { name: /صالون دلال/ });
    await screen.findByRole("option", { name: "أظافر" });
    expect(screen.getByLabelText("الخدمة")).toHaveDisplayValue("أظافر");
    expect(screen.getByLabelText("المدينة")).toHaveDisplayValue("الرياض");
    expect(Object.fromEntries(server.requestsTo("GET", "/api/salons/").at(-1)!.query)).toEqual({
      city: "riyadh",
      category: "nails",
      page: "1",
    });
  });

  test("an unknown category in the link matches no option; the other filters still apply", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([dalal]));
    const { user, router } = renderRoutes(
      routes,
      "/?q=%D8%AD%D9%86%D8%A7%D8%A1&category=henna&city=jeddah&audience=women",
    );

    await screen.findByRole("option", { name: "رموش" });
    expect(screen.getByLabelText("الخدمة")).toHaveDisplayValue("كل الخدمات");
    expect(screen.getByLabelText("المدينة")).toHaveDisplayValue("جدة");
    expect(screen.getByRole("radio", { name: "نساء" })).toBeChecked();
    await vi.waitFor(() =>
      expect(Object.fromEntries(server.requestsTo("GET", "/api/salons/").at(-1)!.query)).toEqual({
        q: "حناء",
        city: "jeddah",
        audience: "women",
        page: "1",
      }),
    );
    expect(await screen.findByRole("link", { name: /صالون دلال/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("الخدمة"), "شعر");

    expect(currentUrl(router)).toBe("/?q=%D8%AD%D9%86%D8%A7%D8%A1&city=jeddah&category=hair&audience=women");
  });

  test("without the categories, the search still works", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", () => apiError(503, "server_error", ""));
    server.on("GET", "/api/salons/", paginated([dalal]));

    renderRoutes(routes, "/?category=hair");

    expect(await screen.findByRole("link", { name: /صالون دلال/ })).toBeInTheDocument();
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/salons/categories/")).toHaveLength(1));
    expect(within(screen.getByLabelText("الخدمة")).getAllByRole("option")).toHaveLength(1);
    // The link's category is not known to be wrong: it still filters.
    expect(server.requestsTo("GET", "/api/salons/").at(-1)?.query.get("category")).toBe("hair");
  });

  test("no results: says so and offers to clear the search", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.on("GET", "/api/salons/", paginated([]));
    const { user, router } = renderRoutes(routes, "/?q=xyz&city=jeddah");

    expect(await screen.findByText("لا يوجد صالون يطابق بحثك")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "مسح البحث" }));

    expect(currentUrl(router)).toBe("/");
  });

  test("a failure says what happened and can be retried", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", categories);
    server.on("GET", "/api/salons/cities/", cities);
    server.once("GET", "/api/salons/", () => apiError(503, "server_error", ""));
    server.on("GET", "/api/salons/", () => json(paginated([dalal])));
    const { user } = renderRoutes(routes, "/");

    expect(await screen.findByRole("alert")).toHaveTextContent("واجه الخادم مشكلة. حاول مرة أخرى بعد قليل.");
    await user.click(screen.getByRole("button", { name: "حاول مرة أخرى" }));

    expect(await screen.findByRole("link", { name: /صالون دلال/ })).toBeInTheDocument();
  });
});
