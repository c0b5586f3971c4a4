import { screen, within } from "@testing-library/react";
import { beforeEach, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { accessibilityViolations } from "@/testing/axe";
import { mockFetch } from "@/testing/fetch-mock";
import { customer, paginated, salon, salonSummary } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";
import type { SalonSummary } from "@/types/models";

import { routes } from "../router";

const SLOW = { timeout: 5000 };

const dalal: SalonSummary = salonSummary;

function serveHome(server: ReturnType<typeof mockFetch>, salons: SalonSummary[]) {
  server.on("GET", "/api/salons/", paginated(salons));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", []);
}

function serveSignedIn(server: ReturnType<typeof mockFetch>) {
  session.signIn("access-1");
  server.on("GET", "/api/auth/me/", customer);
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
}

beforeEach(() => {
  session.signOut();
});

test("a signed-in customer keeps a salon as a favourite from its card, and drops it again", async () => {
  const server = mockFetch();
  serveSignedIn(server);
  serveHome(server, [dalal]);
  server.on("PUT", "/api/favourites/:id/", () => new Response(null, { status: 204 }));
  server.on("DELETE", "/api/favourites/:id/", () => new Response(null, { status: 204 }));
  server.on("GET", "/api/favourites/", paginated([]));
  const { user, container } = renderRoutes(routes, "/");

  const heart = await screen.findByRole("button", { name: "صالون دلال للتجميل في المفضلة" }, SLOW);
  expect(heart).toHaveAttribute("aria-pressed", "false");
  // Signed in, the list is asked with the token, so the API can say which salons are favourites.
  expect(server.requestsTo("GET", "/api/salons/").at(-1)?.headers.get("Authorization")).toBe("Bearer access-1");

  await user.click(heart);
  expect(heart).toHaveAttribute("aria-pressed", "true");
  expect(server.requestsTo("PUT", "/api/favourites/:id/")[0]?.params.id).toBe("3");

  await user.click(heart);
  expect(heart).toHaveAttribute("aria-pressed", "false");
  expect(server.requestsTo("DELETE", "/api/favourites/:id/")[0]?.params.id).toBe("3");
  expect(await accessibilityViolations(container)).toEqual([]);
});

test("the salon page shows the heart pressed for a favourite", async () => {
  const server = mockFetch();
  serveSignedIn(server);
  server.on("GET", "/api/salons/3/", { ...salon, is_favourite: true });
  server.on("GET", "/api/salons/3/reviews/", paginated([]));
  renderRoutes(routes, "/salons/3");

  expect(await screen.findByRole("button", { name: "صالون دلال للتجميل في المفضلة" }, SLOW)).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("a visitor's heart leads to sign-in, which comes back to the salon", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/3/", salon);
  server.on("GET", "/api/salons/3/reviews/", paginated([]));
  const { user, router } = renderRoutes(routes, "/salons/3");

  const heart = await screen.findByRole("button", { name: "صالون دلال للتجميل في المفضلة" }, SLOW);
  expect(heart).toHaveAttribute("aria-pressed", "false");
  await user.click(heart);

  await vi.waitFor(() => expect(currentUrl(router)).toBe("/sign-in?next=%2Fsalons%2F3"), SLOW);
  expect(server.requestsTo("PUT", "/api/favourites/:id/")).toHaveLength(0);
  expect(server.requestsTo("GET", "/api/salons/3/")[0]?.headers.get("Authorization")).toBeNull();
});

test("my favourites are listed from my account, with an empty state when there are none", async () => {
  const server = mockFetch();
  serveSignedIn(server);
  server.once("GET", "/api/favourites/", paginated([{ ...dalal, is_favourite: true }]));
  server.on("GET", "/api/favourites/", paginated([]));
  server.on("DELETE", "/api/favourites/:id/", () => new Response(null, { status: 204 }));
  const { user } = renderRoutes(routes, "/profile");

  await user.click(await screen.findByRole("link", { name: "صالوناتي المفضلة" }, SLOW));

  expect(await screen.findByRole("heading", { level: 1, name: "صالوناتي المفضلة" }, SLOW)).toBeInTheDocument();
  const card = await screen.findByRole("article");
  expect(within(card).getByRole("link", { name: /صالون دلال للتجميل/ })).toHaveAttribute("href", "/salons/3");

  await user.click(within(card).getByRole("button", { name: "صالون دلال للتجميل في المفضلة" }));

  expect(await screen.findByText("لا توجد صالونات مفضلة بعد", {}, SLOW)).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "ابحث عن صالون" })).toHaveAttribute("href", "/");
  await vi.waitFor(() => expect(server.requestsTo("DELETE", "/api/favourites/:id/")).toHaveLength(1));
});
