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
  expect(screen.getByText("Sara")).toHaveAttribute("dir", "auto");
  // What the salon wrote about its services and stylists, in whichever language it wrote it.
  const services = screen.getByRole("region", { name: "الخدمات والأسعار" });
  expect(within(services).getByText("غسيل وتجفيف وتصفيف بالسشوار.")).toHaveAttribute("dir", "auto");
  const staff = screen.getByRole("region", { name: "المختصات والمختصون" });
  expect(staff.querySelectorAll(".staff-list__title").length).toBeGreaterThan(0);
  for (const title of staff.querySelectorAll(".staff-list__title")) expect(title).toHaveAttribute("dir", "auto");
});

test("a day with two intervals keeps each comma at the end of its interval, so no line starts with one", async () => {
  const server = mockFetch();
  const split = {
    weekday: 6,
    name: "الأحد",
    intervals: [
      { start: "10:00", end: "13:00", overnight: false },
      { start: "16:00", end: "22:00", overnight: false },
    ],
  };
  server.on("GET", "/api/salons/3/", { ...salon, opening_hours: [split] });
  server.on("GET", "/api/salons/3/reviews/", paginated([]));

  renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

  const hours = await screen.findByRole("table", { name: "ساعات العمل" });
  const intervals = [...hours.querySelectorAll(".hours__interval")].map((interval) => interval.textContent);
  expect(intervals).toEqual(["١٠:٠٠ ص – ١:٠٠ م،", "٤:٠٠ م – ١٠:٠٠ م"]);
  // The break between them is a plain space outside both (the intervals themselves never break).
  expect(within(hours).getByRole("cell").textContent).toBe("١٠:٠٠ ص – ١:٠٠ م، ٤:٠٠ م – ١٠:٠٠ م");
});

test("the salon page states its cancellation policy before the booking flow", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/3/", salon);
  server.on("GET", "/api/salons/3/reviews/", paginated([]));

  renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

  const policy = await screen.findByRole("region", { name: "سياسة الإلغاء" });
  expect(
    within(policy).getByText("يمكنك إلغاء الحجز أو تغيير موعده مجانًا حتى ٤٨ ساعة قبل بدايته."),
  ).toBeInTheDocument();
  expect(within(policy).getByText("يطلب هذا الصالون الدفع عبر الإنترنت عند الحجز.")).toBeInTheDocument();
});
