import { screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { customer, paginated } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { routes } from "../router";

test("the language switch mirrors the page and speaks the new language", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", ({ headers }) =>
    json([{ id: 1, slug: "hair", name: headers.get("Accept-Language") === "en" ? "Hair" : "شعر" }]),
  );
  const { user } = renderRoutes(routes, "/");
  expect(await screen.findByRole("heading", { level: 1, name: "احجز صالونك بخطوات قليلة" })).toBeInTheDocument();
  expect(document.documentElement).toHaveAttribute("dir", "rtl");

  await user.click(screen.getByRole("button", { name: "تغيير اللغة إلى English" }));

  expect(await screen.findByRole("heading", { level: 1, name: "Book your salon in a few taps" })).toBeInTheDocument();
  expect(document.documentElement).toHaveAttribute("dir", "ltr");
  expect(document.documentElement).toHaveAttribute("lang", "en");
  expect(screen.getByRole("link", { name: "My bookings" })).toBeInTheDocument();
  // Later requests ask the server for English.
  expect(server.requests.at(-1)?.headers.get("Accept-Language")).toBe("en");
  // Names that come from the server are fetched again, in English.
  expect(await screen.findByRole("option", { name: "Hair" })).toBeInTheDocument();
});

test("a signed-in person's language choice is saved to their account", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/auth/me/", customer);
  server.on("GET", "/api/notifications/unread-count/", { count: 3 });
  server.on("PATCH", "/api/auth/me/", ({ body }) => json({ ...customer, ...(body as object) }));
  session.signIn("access-1");
  const { user } = renderRoutes(routes, "/");

  expect(await screen.findByRole("link", { name: "الإشعارات، ٣ إشعارات غير مقروءة" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "تغيير اللغة إلى English" }));

  await screen.findByRole("link", { name: "Inbox, 3 unread" });
  expect(server.requestsTo("PATCH", "/api/auth/me/")[0]?.body).toEqual({ preferred_language: "en" });
});
