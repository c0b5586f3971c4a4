import { screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { changeLanguage, currentLanguage } from "@/lib/i18n";
import { json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { Component as Profile } from "./profile";

test("the language choice starts from the language on screen, and saving keeps it", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  // The account has not caught up with the language on screen yet.
  server.on("GET", "/api/auth/me/", { ...customer, preferred_language: "ar" });
  server.on("PATCH", "/api/auth/me/", ({ body }) => json({ ...customer, ...(body as object) }));
  session.signIn("access-1");
  const { user } = renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  expect(await screen.findByLabelText("Language")).toHaveValue("en");
  await user.click(screen.getByRole("button", { name: "Save" }));

  expect(await screen.findByText("Your details are saved.")).toBeInTheDocument();
  expect(server.requestsTo("PATCH", "/api/auth/me/")[0]?.body).toMatchObject({ preferred_language: "en" });
  await vi.waitFor(() => expect(currentLanguage()).toBe("en"));
});

test("a manager chooses whether the salon's alerts also come by text message; a customer is not asked", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", { ...customer, role: "manager", preferred_language: "en" });
  server.on("PATCH", "/api/auth/me/", ({ body }) => json({ ...customer, role: "manager", ...(body as object) }));
  session.signIn("access-1");
  const { user } = renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  const choice = await screen.findByRole("checkbox", { name: "Also send the salon's booking alerts by text message" });
  expect(choice).toBeChecked();
  await user.click(choice);
  await user.click(screen.getByRole("button", { name: "Save" }));

  expect(await screen.findByText("Your details are saved.")).toBeInTheDocument();
  expect(server.requestsTo("PATCH", "/api/auth/me/")[0]?.body).toMatchObject({ salon_alerts_by_sms: false });
});

test("a customer's profile has no salon alerts choice", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", { ...customer, preferred_language: "en" });
  session.signIn("access-1");
  renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  expect(await screen.findByLabelText("Language")).toBeInTheDocument();
  expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
});
