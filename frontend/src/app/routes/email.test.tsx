import { screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { changeLanguage } from "@/lib/i18n";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { Component as Unsubscribe } from "./email-unsubscribe";
import { Component as Verify } from "./email-verify";
import { Component as Profile } from "./profile";

test("the unsubscribe link changes nothing until the person clicks, then says what stopped", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("POST", "/api/notifications/unsubscribe/", { list: "booking" });
  const { user } = renderRoutes(
    [{ path: "/email/unsubscribe", Component: Unsubscribe }],
    "/email/unsubscribe?token=abc:1",
  );

  expect(await screen.findByRole("heading", { name: "Unsubscribe from emails" })).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/notifications/unsubscribe/")).toHaveLength(0);
  await user.click(screen.getByRole("button", { name: "Unsubscribe" }));

  expect(await screen.findByText("You are unsubscribed.")).toBeInTheDocument();
  expect(screen.getByText(/Booking messages will no longer come by email/)).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/notifications/unsubscribe/")[0]?.body).toEqual({ token: "abc:1" });
});

test("a bad unsubscribe link shows the server's reason, in Arabic", async () => {
  await changeLanguage("ar");
  const server = mockFetch();
  server.on("POST", "/api/notifications/unsubscribe/", () =>
    apiError(400, "unsubscribe_link_invalid", "رابط إلغاء الاشتراك هذا غير صالح."),
  );
  const { user } = renderRoutes([{ path: "/email/unsubscribe", Component: Unsubscribe }], "/email/unsubscribe?token=x");

  await user.click(await screen.findByRole("button", { name: "إلغاء الاشتراك" }));

  expect(await screen.findByRole("alert")).toHaveTextContent("رابط إلغاء الاشتراك هذا غير صالح.");
});

test("the verification link confirms the address on a click", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("POST", "/api/auth/email/verify-link/", { email: "sara@example.com" });
  const { user } = renderRoutes([{ path: "/email/verify", Component: Verify }], "/email/verify?token=t0k");

  await user.click(await screen.findByRole("button", { name: "Confirm my email" }));

  expect(await screen.findByText("Your email is confirmed.")).toBeInTheDocument();
  expect(screen.getByText("sara@example.com")).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/auth/email/verify-link/")[0]?.body).toEqual({ token: "t0k" });
});

test("a link without a token says so and offers no button", async () => {
  await changeLanguage("en");
  mockFetch();
  renderRoutes([{ path: "/email/verify", Component: Verify }], "/email/verify");

  expect(await screen.findByText(/This verification link is incomplete/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Confirm my email" })).not.toBeInTheDocument();
});

test("the profile says when email could not be delivered", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", {
    ...customer,
    preferred_language: "en",
    email: "sara@example.com",
    email_verified: true,
    email_undeliverable: true,
  });
  session.signIn("access-1");
  renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  expect(await screen.findByText("We could not deliver email to this address")).toBeInTheDocument();
  expect(
    screen.queryByRole("checkbox", { name: "Email me tomorrow's bookings every evening" }),
  ).not.toBeInTheDocument();
});

test("a manager turns on tomorrow's bookings by email; the verified address is shown", async () => {
  await changeLanguage("en");
  const manager = {
    ...customer,
    role: "manager" as const,
    manages_salons: true,
    preferred_language: "en" as const,
    email: "maha@example.com",
    email_verified: true,
  };
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", manager);
  server.on("PATCH", "/api/auth/me/", ({ body }) => json({ ...manager, ...(body as object) }));
  session.signIn("access-1");
  const { user } = renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  expect(await screen.findByText(/Verified/)).toBeInTheDocument();
  const toggle = screen.getByRole("checkbox", { name: "Email me tomorrow's bookings every evening" });
  expect(toggle).not.toBeChecked();
  await user.click(toggle);

  expect(server.requestsTo("PATCH", "/api/auth/me/")[0]?.body).toEqual({ daily_agenda_by_email: true });
  expect(await screen.findByRole("checkbox", { name: "Email me tomorrow's bookings every evening" })).toBeChecked();
});
