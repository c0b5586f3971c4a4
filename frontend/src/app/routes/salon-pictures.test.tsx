import { screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { mockFetch } from "@/testing/fetch-mock";
import { paginated, salon } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { Component as Home } from "./home";
import { Component as SalonRoute } from "./salon";

const COVER = "http://testserver/media/salons/covers/rose.jpg";
const COVER_SRCSET = `http://testserver/media/renditions/salons/covers/rose-480w.jpg 480w, ${COVER} 1200w`;
const PHOTO = "http://testserver/media/salons/gallery/1.jpg";
const PHOTO_SRCSET = `http://testserver/media/renditions/salons/gallery/1-480w.jpg 480w, ${PHOTO} 800w`;

const pictured = {
  ...salon,
  cover_photo_url: COVER,
  cover_photo_srcset: COVER_SRCSET,
  photos: [{ url: PHOTO, srcset: PHOTO_SRCSET, caption: "الواجهة" }],
};

test("the salon page's pictures come in the width their slot needs, sized, the cover first and the gallery lazily", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/3/", pictured);
  server.on("GET", "/api/salons/3/reviews/", paginated([]));

  const { container } = renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

  await screen.findByRole("heading", { level: 1 });
  const cover = container.querySelector("img.salon-hero__cover");
  expect(cover).toHaveAttribute("srcset", COVER_SRCSET);
  expect(cover).toHaveAttribute("sizes", "(min-width: 72rem) 72rem, 100vw");
  expect(cover).toHaveAttribute("fetchpriority", "high");
  expect(cover).toHaveAttribute("width", "1280");
  expect(cover).toHaveAttribute("height", "480");
  const photo = screen.getByRole("img", { name: "الواجهة" });
  expect(photo).toHaveAttribute("srcset", PHOTO_SRCSET);
  expect(photo).toHaveAttribute("sizes", "min(80vw, 20rem)");
  expect(photo).toHaveAttribute("loading", "lazy");
  expect(photo).toHaveAttribute("width", "480");
});

test("the home page's first salon cards load their cover at once, the others lazily, each in the width of a card", async () => {
  const server = mockFetch();
  server.on("GET", "/api/salons/categories/", []);
  const listed = [1, 2, 3].map((id) => ({ ...pictured, id, slug: `salon-${id}`, name: `صالون ${id}` }));
  server.on("GET", "/api/salons/", paginated(listed));

  const { container } = renderRoutes([{ path: "/", Component: Home }], "/");

  await screen.findByRole("heading", { level: 3, name: "صالون 3" });
  const covers = [...container.querySelectorAll(".salon-card__media img")];
  expect(covers.map((image) => [image.getAttribute("loading"), image.getAttribute("fetchpriority")])).toEqual([
    ["eager", "high"],
    ["eager", "high"],
    ["lazy", "auto"],
  ]);
  for (const image of covers) {
    expect(image).toHaveAttribute("srcset", COVER_SRCSET);
    expect(image).toHaveAttribute("sizes", "(min-width: 48rem) 24rem, 100vw");
    expect(image).toHaveAttribute("width", "640");
    expect(image).toHaveAttribute("height", "360");
  }
});
