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

test("a customer downloads their data as the file the server names, with the session's token", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", { ...customer, preferred_language: "en" });
  server.on(
    "GET",
    "/api/auth/me/export/",
    () =>
      new Response("{}", {
        headers: {
          "Content-Type": "application/json",
          "Content-Disposition": 'attachment; filename="salon-data-2026-12-07.json"',
        },
      }),
  );
  Object.assign(URL, { createObjectURL: vi.fn(() => "blob:file"), revokeObjectURL: vi.fn() });
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  session.signIn("access-1");
  const { user } = renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  await user.click(await screen.findByRole("button", { name: "Download my data" }));

  expect(await screen.findByText("Saved as salon-data-2026-12-07.json.")).toBeInTheDocument();
  expect(saved).toEqual(["salon-data-2026-12-07.json"]);
  expect(server.requestsTo("GET", "/api/auth/me/export/")[0]?.headers.get("Authorization")).toBe("Bearer access-1");
});

test("deleting the account explains it, sends a code to the person's own phone, and signs out", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", { ...customer, preferred_language: "en" });
  server.on("POST", "/api/auth/phone/request/", () =>
    json({ request_id: "req-1", expires_at: "2026-12-07T10:05:00Z", resend_available_at: "2026-12-07T10:01:00Z" }, 201),
  );
  server.once("POST", "/api/auth/me/delete/", () => json({ detail: "Wrong", code: "otp_invalid" }, 400));
  server.on("POST", "/api/auth/me/delete/", () => json({ cancelled_bookings: ["SLN-1"], sessions_revoked: 1 }));
  server.on("POST", "/api/auth/logout/", () => new Response(null, { status: 204 }));
  session.signIn("access-1");
  const { user } = renderRoutes(
    [
      { path: "/profile", Component: Profile },
      { path: "/", Component: () => <p>Home page</p> },
    ],
    "/profile",
  );

  await user.click(await screen.findByRole("button", { name: "Delete my account" }));
  expect(screen.getByText(/Your upcoming bookings are cancelled/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Send a code to my phone" }));
  expect(server.requestsTo("POST", "/api/auth/phone/request/")[0]?.body).toEqual({
    phone_number: customer.phone_number,
    channel: "sms",
    purpose: "delete_account",
  });

  await user.type(await screen.findByLabelText("Code"), "111111");
  await user.click(screen.getByRole("button", { name: "Delete my account for good" }));
  expect(await screen.findByText("That code is not right. Check it and try again.")).toBeInTheDocument();
  expect(session.getAccessToken()).toBe("access-1");

  await user.clear(screen.getByLabelText("Code"));
  await user.type(screen.getByLabelText("Code"), "123456");
  await user.click(screen.getByRole("button", { name: "Delete my account for good" }));

  expect(await screen.findByText("Home page")).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/auth/me/delete/")[1]?.body).toEqual({ request_id: "req-1", code: "123456" });
  await vi.waitFor(() => expect(session.getAccessToken()).toBeNull());
});

test("a customer changes their mobile number with a code sent to the new number, and sees the new one", async () => {
  await changeLanguage("en");
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", { ...customer, preferred_language: "en" });
  server.on("POST", "/api/auth/phone/request/", () =>
    json({ request_id: "req-1", expires_at: "2026-12-07T15:00:00Z", resend_available_at: "2026-12-07T14:51:00Z" }, 201),
  );
  server.on("POST", "/api/auth/me/phone/", () =>
    json({ ...customer, phone_number: "+966501112233", preferred_language: "en" }),
  );
  session.signIn("access-1");
  const { user } = renderRoutes([{ path: "/profile", Component: Profile }], "/profile");

  await user.click(await screen.findByRole("button", { name: "Change phone number" }));
  const field = screen.getByLabelText("New mobile number", { exact: false });
  await user.type(field, "12345");
  await user.click(screen.getByRole("button", { name: "Send a code to the new number" }));
  expect(screen.getByText("Enter a Saudi mobile number that starts with 05 and has 10 digits.")).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/auth/phone/request/")).toHaveLength(0);

  await user.clear(field);
  await user.type(field, "٠٥٠١١١٢٢٣٣");
  await user.click(screen.getByRole("button", { name: "Send a code to the new number" }));
  expect(server.requestsTo("POST", "/api/auth/phone/request/")[0]?.body).toEqual({
    phone_number: "0501112233",
    channel: "sms",
    purpose: "change_phone",
  });
  await user.type(await screen.findByLabelText("Code"), "123456");
  await user.click(screen.getByRole("button", { name: "Save the new number" }));

  expect(await screen.findByText("Your mobile number is changed.")).toBeInTheDocument();
  expect(server.requestsTo("POST", "/api/auth/me/phone/")[0]?.body).toEqual({ request_id: "req-1", code: "123456" });
  expect(screen.getByText("050 111 2233")).toBeInTheDocument();
});
