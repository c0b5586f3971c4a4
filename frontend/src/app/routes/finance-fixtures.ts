// The Finance page's fixtures (shaped like the ledger API's answers) and its route under the manage shell.
import { vi } from "vitest";

import type { mockFetch } from "@/testing/fetch-mock";
import type { Balance, Payout, PayoutDetails, Statement } from "@/types/models";

import { Component as FinancePage } from "./manage-finance";
import { manageRoutes, serveManagedSalons } from "./manage-fixtures";

export const routes = manageRoutes("finance", FinancePage);
export const RLM = "\u200f";
/** "‏١٥٠٫٠٠ ر.س.‏": how the shared formatter writes SAR in Arabic (its no-break space read as a space, as the DOM queries do). */
export const sar = (digits: string) => `${RLM}${digits} ر.س.${RLM}`;

export const balance: Balance = {
  currency: "SAR",
  balance: 26550,
  available: 12000,
  pending: 14550,
  in_transit: 5000,
  paid_out: 46463,
  commission_rate_bps: 1000,
  minimum_payout: 10000,
  payouts_enabled: true,
  refund_window_hours: 72,
};

export const statement: Statement = {
  currency: "SAR",
  from: "2026-12-01",
  to: "2026-12-07",
  opening_balance: 10000,
  closing_balance: 11275,
  entries: [
    {
      id: 2,
      occurred_at: "2026-12-03T13:06:12+03:00",
      kind: "payment_captured",
      description: "دفعة الحجز DMO-00004",
      booking_reference: "DMO-00004",
      payout_reference: null,
      amount: 15000,
      balance_after: 25000,
    },
    {
      id: 3,
      occurred_at: "2026-12-03T13:06:12+03:00",
      kind: "commission",
      description: "عمولة المنصة (10%) على الحجز DMO-00004",
      booking_reference: "DMO-00004",
      payout_reference: null,
      amount: -1500,
      balance_after: 23500,
    },
    {
      id: 9,
      occurred_at: "2026-12-05T10:00:00+03:00",
      kind: "payout",
      description: "الدفعة PO-000001 إلى الحساب البنكي للصالون",
      booking_reference: null,
      payout_reference: "PO-000001",
      amount: -12225,
      balance_after: 11275,
    },
  ],
};

export function payout(overrides: Partial<Payout> = {}): Payout {
  return {
    id: 1,
    reference: "PO-000001",
    amount: 12225,
    currency: "SAR",
    status: "sent",
    iban_masked: "SA03 **** **** **** **** 7519",
    bank_reference: "RJHI-2026-000123",
    created_at: "2026-12-05T10:00:00+03:00",
    sent_at: "2026-12-06T09:00:00+03:00",
    returned_at: null,
    ...overrides,
  };
}

export const details: PayoutDetails = {
  legal_name: "مؤسسة دلال للتجميل",
  vat_number: "310000000000003",
  iban_masked: "SA03 **** **** **** **** 7519",
  iban_set: true,
  updated_at: "2026-11-20T12:00:00+03:00",
};

export function serveFinance(
  server: ReturnType<typeof mockFetch>,
  answers: { balance?: Balance; statement?: Statement; payouts?: Payout[]; details?: PayoutDetails } = {},
) {
  serveManagedSalons(server);
  server.on("GET", "/api/manage/salons/3/balance/", answers.balance ?? balance);
  server.on("GET", "/api/manage/salons/3/balance/statement/", answers.statement ?? statement);
  const payouts = answers.payouts ?? [payout()];
  server.on("GET", "/api/manage/salons/3/payouts/", {
    count: payouts.length,
    next: null,
    previous: null,
    results: payouts,
  });
  server.on("GET", "/api/manage/salons/3/payout-details/", answers.details ?? details);
}

/** "Today" in Riyadh is 7 December 2026: only the clock is fake (timers stay real for the UI). */
export function fixClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T09:00:00Z"));
}
