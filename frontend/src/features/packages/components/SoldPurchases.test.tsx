import { screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { SalonPurchase } from "@/types/models";

import { SoldPurchases } from "./SoldPurchases";

const sold: SalonPurchase = {
  id: "0b7a5f0e-2f3c-4d4a-9d8e-1a2b3c4d5e6f",
  kind: "package",
  salon: 3,
  status: "paid",
  amount: 50000,
  currency: "SAR",
  transaction_url: "",
  failure_message: "",
  refunded_amount: 0,
  paid_at: "2026-12-01T10:00:00+03:00",
  created_at: "2026-12-01T09:59:00+03:00",
  customer_phone: "+966500000001",
  customer_name: "سارة",
  sessions_left: 3,
  balance: null,
};

describe("the back office's sold packages and gift cards", () => {
  test("a manager refunds the unused part of a package", async () => {
    const server = mockFetch();
    server.once("GET", "/api/manage/salons/3/purchases/", [sold]);
    server.on("POST", "/api/manage/salons/3/purchases/:id/refund/", { ...sold, status: "refunded" });
    server.on("GET", "/api/manage/salons/3/purchases/", [{ ...sold, status: "refunded", refunded_amount: 30000 }]);
    const { user } = renderRoutes([{ path: "/", element: <SoldPurchases salonId={3} /> }], "/");

    expect(await screen.findByText("الجلسات المتبقية: ٣")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "استرداد الجزء غير المستخدم" }));

    expect(await screen.findByText("مستردة")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "استرداد الجزء غير المستخدم" })).not.toBeInTheDocument();
    expect(server.requests.filter((request) => request.method === "POST").map((request) => request.path)).toEqual([
      `/api/manage/salons/3/purchases/${sold.id}/refund/`,
    ]);
  });
});
