import { screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { mockFetch } from "@/testing/fetch-mock";
import { paginated, salon } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { Component as SalonRoute } from "./salon";

const review = {
  id: 5,
  rating: 5,
  comment: "Loved the blow-dry!",
  customer_first_name: "Sara",
  service_name: "استشوار",
  created_at: "2026-11-20T12:00:00+03:00",
};

test("the salon's phone is written the Saudi way and dials in E.164; people's own words keep their direction", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/3/", salon);
  server.on("GET", "/api/salons/3/reviews/", paginated([review]));

  renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

  const about = await screen.findByRole("region", { name: "عن الصالون" });
  const phone = within(about).getByRole("link", { name: "011 210 6677" });
  expect(phone).toHaveAttribute("href", "tel:+966112106677");
  expect(within(phone).getByText("011 210 6677").tagName).toBe("BDI");
  expect(within(phone).getByText("011 210 6677")).toHaveAttribute("dir", "ltr");
  expect(within(about).getByText("وجهة العرائس في شمال الرياض.")).toHaveAttribute("dir", "auto");
  expect(await screen.findByText("Loved the blow-dry!")).toHaveAttribute("dir", "auto");
});
