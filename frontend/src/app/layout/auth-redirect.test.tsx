import { screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { booking, customer, paginated } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { routes } from "../router";

function serveSignedInBasics(server: ReturnType<typeof mockFetch>) {
  server.on("GET", "/api/notifications/unread-count/", { count: 0 });
  server.on("GET", "/api/auth/me/", customer);
}

describe("pages for signed-in people", () => {
  test("visitors are sent to sign-in with the page remembered", async () => {
    mockFetch();

    const { router } = renderRoutes(routes, "/bookings?tab=past");

    expect(await screen.findByRole("heading", { level: 1, name: "تسجيل الدخول" })).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/sign-in?next=%2Fbookings%3Ftab%3Dpast");
  });

  test("an expired access token is refreshed once and the page loads", async () => {
    const server = mockFetch();
    serveSignedInBasics(server);
    server.once("GET", "/api/bookings/", () => apiError(401, "token_not_valid", "Token is invalid or expired"));
    server.on("GET", "/api/bookings/", ({ headers }) =>
      headers.get("Authorization") === "Bearer access-2"
        ? json(paginated([booking({ status: "confirmed", allowed_actions: ["cancel"] })]))
        : apiError(401, "token_not_valid"),
    );
    server.on("POST", "/api/auth/token/refresh/", { access: "access-2" });
    session.signIn("access-1");

    renderRoutes(routes, "/bookings");

    expect(await screen.findByRole("heading", { name: "استشوار" })).toBeInTheDocument();
    expect(server.requestsTo("POST", "/api/auth/token/refresh/")).toHaveLength(1);
  });

  test("when the refresh fails too, sign-in is shown and leads back to the same page", async () => {
    const server = mockFetch();
    server.on("GET", "/api/notifications/unread-count/", () => apiError(401, "token_not_valid"));
    server.on("GET", "/api/auth/me/", () => apiError(401, "token_not_valid"));
    server.on("GET", "/api/bookings/", () => apiError(401, "token_not_valid"));
    server.on("POST", "/api/auth/token/refresh/", () => apiError(401, "token_not_valid"));
    session.signIn("access-1");

    const { router } = renderRoutes(routes, "/bookings?tab=past");

    expect(await screen.findByText("انتهت جلستك. سجّل الدخول مرة أخرى لتكمل من حيث توقفت.")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/sign-in?next=%2Fbookings%3Ftab%3Dpast");
    expect(session.getState().status).toBe("signed_out");
  });

  test("after signing in the visitor returns to the remembered page", async () => {
    const server = mockFetch();
    serveSignedInBasics(server);
    server.on("POST", "/api/auth/phone/request/", () =>
      json(
        { request_id: "r", expires_at: "2026-11-22T09:05:00+03:00", resend_available_at: "2026-11-22T09:01:00+03:00" },
        201,
      ),
    );
    server.on("POST", "/api/auth/phone/verify/", { access: "access-1", user: customer, created: false });
    server.on("GET", "/api/bookings/", paginated([]));
    const { user, router } = renderRoutes(routes, "/sign-in?next=%2Fbookings%3Ftab%3Dpast");

    await user.type(await screen.findByLabelText("رقم الجوال"), "0500000001");
    await user.click(screen.getByRole("button", { name: "أرسل الرمز" }));
    await user.type(await screen.findByLabelText("الرمز"), "123456");
    await user.click(screen.getByRole("button", { name: "دخول" }));

    expect(await screen.findByText("ليس لديك حجوزات سابقة بعد.")).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/bookings?tab=past");
  });

  test("a next address on another site is ignored", async () => {
    const server = mockFetch();
    serveSignedInBasics(server);
    server.on("GET", "/api/salons/", paginated([]));
    session.signIn("access-1");

    const { router } = renderRoutes(routes, "/sign-in?next=%2F%2Fevil.example%2F");

    expect(await screen.findByRole("heading", { level: 1, name: "احجز صالونك بخطوات قليلة" })).toBeInTheDocument();
    expect(currentUrl(router)).toBe("/");
  });
});
