import { createBrowserRouter, Navigate, type RouteObject } from "react-router";

import { LoadingState } from "@/components/LoadingState";

import { AppShell } from "./layout/AppShell";
import { RequireAuth } from "./layout/RequireAuth";
import { RouteError } from "./layout/RouteError";
import { lazyRoute } from "./lazy-route";

// The desk's pages (Today, Calendar, Customers) also show bookings and salon pickers.
const DESK = ["backoffice", "desk", "bookings", "salons"];

// Every page is its own chunk, loaded with its translation namespaces.
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { index: true, lazy: lazyRoute(() => import("./routes/home"), ["salons"]) },
      { path: "salons/:salonId", lazy: lazyRoute(() => import("./routes/salon"), ["salons", "packages"]) },
      {
        path: "salons/:salonId/book",
        lazy: lazyRoute(
          () => import("./routes/book"),
          ["salons", "bookings", "accounts", "passkeys", "social", "packages", "waitlist"],
        ),
      },
      { path: "sign-in", lazy: lazyRoute(() => import("./routes/sign-in"), ["accounts", "passkeys", "social"]) },
      // The links of our emails: no sign-in needed (the signed token is the proof).
      { path: "email/unsubscribe", lazy: lazyRoute(() => import("./routes/email-unsubscribe"), ["email"]) },
      { path: "email/verify", lazy: lazyRoute(() => import("./routes/email-verify"), ["email"]) },
      {
        element: <RequireAuth />,
        children: [
          {
            path: "bookings",
            lazy: lazyRoute(() => import("./routes/my-bookings"), ["bookings", "salons", "waitlist"]),
          },
          {
            path: "waitlist/offers/:bookingId",
            lazy: lazyRoute(() => import("./routes/waitlist-offer"), ["waitlist", "bookings"]),
          },
          {
            path: "bookings/:bookingId",
            lazy: lazyRoute(() => import("./routes/booking-detail"), ["bookings", "salons"]),
          },
          {
            path: "bookings/:bookingId/invoice",
            lazy: lazyRoute(() => import("./routes/booking-invoice"), ["invoicing"]),
          },
          {
            path: "bookings/:bookingId/pay",
            lazy: lazyRoute(() => import("./routes/pay"), ["payments", "bookings"]),
          },
          {
            path: "salons/:salonId/packages/:packageId/buy",
            lazy: lazyRoute(() => import("./routes/package-buy"), ["packages", "payments"]),
          },
          {
            path: "salons/:salonId/gift-card",
            lazy: lazyRoute(() => import("./routes/gift-card-buy"), ["packages", "payments"]),
          },
          { path: "purchases/return", lazy: lazyRoute(() => import("./routes/purchase-return"), ["packages"]) },
          {
            path: "payments/return",
            lazy: lazyRoute(() => import("./routes/payment-return"), ["payments", "bookings"]),
          },
          { path: "inbox", lazy: lazyRoute(() => import("./routes/inbox"), ["notifications"]) },
          { path: "favourites", lazy: lazyRoute(() => import("./routes/favourites"), ["salons"]) },
          {
            path: "profile",
            lazy: lazyRoute(
              () => import("./routes/profile"),
              ["accounts", "privacy", "email", "passkeys", "social", "packages"],
            ),
          },
          {
            path: "staff",
            lazy: lazyRoute(
              () => import("./routes/staff-day"),
              ["bookings", "salons", "accounts", "calendars", "googleCalendar"],
            ),
          },
          {
            // The back office: /manage → the first salon; /manage/:salonId/<section> in its shell.
            path: "manage",
            children: [
              { index: true, lazy: lazyRoute(() => import("./routes/manage"), ["backoffice"]) },
              {
                path: ":salonId",
                lazy: lazyRoute(() => import("./routes/manage-layout"), ["backoffice"]),
                children: [
                  { index: true, element: <Navigate to="today" replace /> },
                  // The desk's pages (Today, Calendar, Customers).
                  { path: "today", lazy: lazyRoute(() => import("./routes/manage-today"), DESK) },
                  { path: "calendar", lazy: lazyRoute(() => import("./routes/manage-calendar"), DESK) },
                  { path: "customers", lazy: lazyRoute(() => import("./routes/manage-customers"), DESK) },
                  {
                    path: "customers/:userId",
                    lazy: lazyRoute(() => import("./routes/manage-customer"), DESK),
                  },
                  // The catalog's.
                  { path: "services", lazy: lazyRoute(() => import("./routes/manage-services"), ["backoffice"]) },
                  {
                    path: "packages",
                    lazy: lazyRoute(() => import("./routes/manage-packages"), ["backoffice", "packages"]),
                  },
                  { path: "team", lazy: lazyRoute(() => import("./routes/manage-team"), ["backoffice"]) },
                  {
                    path: "team/:staffId",
                    lazy: lazyRoute(
                      () => import("./routes/manage-stylist"),
                      ["backoffice", "calendars", "googleCalendar"],
                    ),
                  },
                  {
                    path: "salon",
                    lazy: lazyRoute(() => import("./routes/manage-salon"), ["backoffice", "calendars"]),
                  },
                  { path: "activity", lazy: lazyRoute(() => import("./routes/manage-activity"), ["backoffice"]) },
                  {
                    path: "reports",
                    lazy: lazyRoute(() => import("./routes/manage-reports"), ["backoffice", "reports"]),
                  },
                  // Money.
                  {
                    path: "invoices",
                    lazy: lazyRoute(() => import("./routes/manage-invoices"), ["backoffice", "invoicing"]),
                  },
                  {
                    path: "finance",
                    lazy: lazyRoute(() => import("./routes/manage-finance"), ["backoffice", "ledger"]),
                  },
                ],
              },
            ],
          },
        ],
      },
      { path: "*", lazy: lazyRoute(() => import("./routes/not-found")) },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
