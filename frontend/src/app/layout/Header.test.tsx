import { act, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { booking, customer, paginated } from "@/testing/fixtures";
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

test("switching back is saved even when the cached account already shows that language", async () => {
  // The account refetched during the first switch may land after its save and still say "ar":
  // switching back must not trust it, or the server would keep answering in English.
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/auth/me/", customer);
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  server.on("PATCH", "/api/auth/me/", () => json({ ...customer, preferred_language: "ar" }));
  session.signIn("access-1");
  const { user } = renderRoutes(routes, "/");
  await user.click(await screen.findByRole("button", { name: "تغيير اللغة إلى English" }, { timeout: 10_000 }));
  await user.click(await screen.findByRole("button", { name: "Switch the language to العربية" }));

  await vi.waitFor(() => expect(server.requestsTo("PATCH", "/api/auth/me/")).toHaveLength(2));
  expect(server.requestsTo("PATCH", "/api/auth/me/").map((request) => request.body)).toEqual([
    { preferred_language: "en" },
    { preferred_language: "ar" },
  ]);
});

test("what the server wrote in the account's old language is fetched again once the account has switched", async () => {
  // Like the server: a signed-in person is answered in the account's language, whatever the request says.
  let accountLanguage = "ar";
  let savePatch: (() => void) | null = null;
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", () => json({ ...customer, preferred_language: accountLanguage }));
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  server.on("GET", "/api/bookings/", () =>
    json(
      paginated([
        booking({
          status: "confirmed",
          allowed_actions: [],
          service: { id: 24, name: accountLanguage === "en" ? "Blow-dry" : "استشوار", duration_minutes: 45 },
        }),
      ]),
    ),
  );
  server.on(
    "PATCH",
    "/api/auth/me/",
    ({ body }) =>
      new Promise<Response>((resolve) => {
        savePatch = () => {
          accountLanguage = (body as { preferred_language: string }).preferred_language;
          resolve(json({ ...customer, preferred_language: accountLanguage }));
        };
      }),
  );
  session.signIn("access-1");
  const { user } = renderRoutes(routes, "/bookings");
  expect(await screen.findByRole("heading", { name: "استشوار" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "تغيير اللغة إلى English" }));

  // The page refetched at once, but the account was still Arabic.
  await vi.waitFor(() => expect(server.requestsTo("PATCH", "/api/auth/me/")).toHaveLength(1));
  await screen.findByRole("heading", { level: 1, name: "My bookings" });
  expect(screen.getByRole("heading", { name: "استشوار" })).toBeInTheDocument();
  act(() => savePatch?.());

  expect(await screen.findByRole("heading", { name: "Blow-dry" })).toBeInTheDocument();
});

test("the inbox tab's accessible name contains its visible text, the unread count after it", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/auth/me/", customer);
  server.on("GET", "/api/notifications/unread-count/", { count: 3 });
  session.signIn("access-1");
  renderRoutes(routes, "/");

  const inbox = await screen.findByRole("link", { name: "الإشعارات، ٣ إشعارات غير مقروءة" }, { timeout: 10_000 });
  // The text a person reads and says (speech control) is the tab's label; the badge's count is drawn
  // from `data-count`, so it does not run into the label ("٣الإشعارات") in the tab's text.
  expect(inbox.textContent).toBe("الإشعارات");
  expect(inbox.querySelector(".badge")).toHaveAttribute("data-count", "٣");
});

test("the account's own refetch landing before the saved language does not leave the old language on screen", async () => {
  // The switch refetches everything at once: here the page is answered before the account is saved
  // (Arabic), and the account after it (English), both before the save itself answers.
  let accountLanguage = "ar";
  let holdAccount = false;
  const heldAccount: (() => void)[] = [];
  let answerPatch: (() => void) | null = null;
  const account = () => json({ ...customer, preferred_language: accountLanguage });
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", () =>
    holdAccount ? new Promise<Response>((resolve) => heldAccount.push(() => resolve(account()))) : account(),
  );
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  server.on("GET", "/api/bookings/", () =>
    json(
      paginated([
        booking({
          status: "confirmed",
          allowed_actions: [],
          service: { id: 24, name: accountLanguage === "en" ? "Blow-dry" : "استشوار", duration_minutes: 45 },
        }),
      ]),
    ),
  );
  server.on(
    "PATCH",
    "/api/auth/me/",
    ({ body }) =>
      new Promise<Response>((resolve) => {
        answerPatch = () => resolve(json({ ...customer, ...(body as object) }));
      }),
  );
  session.signIn("access-1");
  const { user } = renderRoutes(routes, "/bookings");
  // The first render loads the page's code and catalogues: slow on a busy machine.
  expect(await screen.findByRole("heading", { name: "استشوار" }, { timeout: 10_000 })).toBeInTheDocument();

  holdAccount = true;
  await user.click(screen.getByRole("button", { name: "تغيير اللغة إلى English" }));
  await screen.findByRole("heading", { level: 1, name: "My bookings" });
  await vi.waitFor(() => expect(heldAccount).toHaveLength(1));
  expect(screen.getByRole("heading", { name: "استشوار" })).toBeInTheDocument();
  accountLanguage = "en";
  act(() => heldAccount[0]?.());
  await vi.waitFor(() => expect(server.requestsTo("GET", "/api/auth/me/").length).toBeGreaterThan(1));
  holdAccount = false;
  act(() => answerPatch?.());

  expect(await screen.findByRole("heading", { name: "Blow-dry" })).toBeInTheDocument();
});

test("a customer's page load never asks the back office; the account says who manages a salon", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", []);
  server.on("GET", "/api/auth/me/", customer);
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  session.signIn("access-1");
  renderRoutes(routes, "/");

  expect(await screen.findByRole("link", { name: "حسابي" })).toBeInTheDocument();
  await vi.waitFor(() => expect(server.requestsTo("GET", "/api/salons/")).toHaveLength(1));
  expect(screen.queryByRole("link", { name: "الإدارة" })).not.toBeInTheDocument();
  expect(server.requestsTo("GET", "/api/manage/salons/")).toHaveLength(0);
  expect(server.unhandled).toEqual([]);
});

test("a manager's header offers the back office", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", []);
  server.on("GET", "/api/auth/me/", { ...customer, role: "manager", manages_salons: true });
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  session.signIn("access-1");
  renderRoutes(routes, "/");

  expect(await screen.findByRole("link", { name: "الإدارة" })).toHaveAttribute("href", "/manage");
  expect(server.requestsTo("GET", "/api/manage/salons/")).toHaveLength(0);
});
