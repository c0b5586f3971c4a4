import { act, screen } from "@testing-library/react";
import { focusManager } from "@tanstack/react-query";
import { afterEach, beforeEach, expect, test } from "vitest";

import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { booking, customer, paginated } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";
import type { Notification } from "@/types/models";

import { routes } from "../router";

// The first render loads the route's chunk and its translations.
const SLOW = { timeout: 5000 };
const PAYMENT_ID = "9d5f0c1e-0000-4000-8000-000000000001";

function message(id: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    event: "confirmed",
    title: "تم تأكيد حجزك",
    body: "حجزك في صالون دلال مؤكد.",
    booking: { id: 1, reference: "SLN-83MCF" },
    created_at: "2026-11-22T09:00:00+03:00",
    read_at: null,
    is_read: false,
    ...overrides,
  };
}

function badge(count: string) {
  return screen.findByRole("link", { name: `الإشعارات، ${count} إشعارات غير مقروءة` }, SLOW);
}

beforeEach(() => {
  session.signIn("access-1");
});

afterEach(() => {
  act(() => focusManager.setFocused(undefined));
});

function signedInServer() {
  const server = mockFetch();
  server.on("GET", "/api/auth/me/", customer);
  return server;
}

test("the unread badge counts the messages a payment brought as soon as the payment is checked", async () => {
  let paid = false;
  const server = signedInServer();
  server.on("GET", "/api/notifications/unread-count/", () => json({ count: paid ? 3 : 1 }));
  server.on("GET", "/api/bookings/:id/", booking({ status: "confirmed", allowed_actions: [] }));
  server.on("POST", "/api/payments/:id/refresh/", () => {
    paid = true; // the server wrote the payment's and the confirmation's messages
    return json({
      id: PAYMENT_ID,
      booking: 1,
      status: "paid",
      amount: 18000,
      currency: "SAR",
      vat_amount: 2348,
      refunded_amount: 0,
      method: "creditcard",
      card_brand: "mada",
      card_last4: "1010",
      transaction_url: null,
      failure_message: "",
      created_at: "2026-11-22T09:01:00+03:00",
    });
  });

  renderRoutes(routes, `/payments/return?id=${PAYMENT_ID}`);

  expect(await screen.findByText("تم استلام الدفع وتأكّد حجزك", {}, SLOW)).toBeInTheDocument();
  expect(await badge("٣")).toBeInTheDocument();
});

test("a message that arrived meanwhile shows on the badge when the window comes back to the front", async () => {
  let count = 1;
  const server = signedInServer();
  server.on("GET", "/api/salons/", paginated([]));
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", []);
  server.on("GET", "/api/notifications/unread-count/", () => json({ count }));
  renderRoutes(routes, "/");
  await screen.findByRole("link", { name: "الإشعارات، إشعار واحد غير مقروء" }, SLOW);

  count = 3;
  act(() => focusManager.setFocused(false));
  act(() => focusManager.setFocused(true));

  expect(await badge("٣")).toBeInTheDocument();
});

test("opening the inbox brings the badge up to date with what it lists", async () => {
  let count = 1;
  const server = signedInServer();
  server.on("GET", "/api/notifications/unread-count/", () => json({ count }));
  server.on("GET", "/api/notifications/", () => {
    count = 3; // two more arrived since the badge was counted
    return json(paginated([message(3), message(2), message(1)]));
  });
  renderRoutes(routes, "/inbox");

  expect(await screen.findAllByText("تم تأكيد حجزك", {}, SLOW)).toHaveLength(3);
  expect(await badge("٣")).toBeInTheDocument();
});
