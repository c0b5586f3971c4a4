import { screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { Component as Home } from "./home";
import { mockFetch } from "@/testing/fetch-mock";
import { paginated, salonSummary } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

const routes = [
  { path: "/", Component: Home },
  { path: "/salons/:salonId", element: <p>salon page</p> },
];

const suggestions = {
  salons: [{ id: 7, slug: "rose", name: "صالون روز لاونج", district: "الروضة", city: "jeddah", city_name: "جدة" }],
  services: [
    { name: "استشوار", salon_count: 12 },
    { name: "استشوار وتصفيف", salon_count: 1 },
  ],
  districts: [{ name: "الروضة", city: "jeddah", city_name: "جدة", salon_count: 3 }],
};

function serve() {
  const server = mockFetch();
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", [
    { code: "riyadh", name: "الرياض" },
    { code: "jeddah", name: "جدة" },
  ]);
  server.on("GET", "/api/salons/", paginated([salonSummary]));
  server.on("GET", "/api/salons/suggest/", suggestions);
  return server;
}

async function typeAndWaitForSuggestions(user: ReturnType<typeof renderRoutes>["user"], words: string) {
  const box = screen.getByRole("combobox", { name: "الصالون أو الخدمة" });
  await user.type(box, words);
  await screen.findByRole("listbox", { name: "اقتراحات البحث" });
  return box;
}

describe("suggestions as the customer types", () => {
  test("asks once the typing pauses, and shows salons, services and districts in their groups", async () => {
    const server = serve();
    const { user } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });

    const box = await typeAndWaitForSuggestions(user, "اسشوار");

    // One request for the words typed, not one per letter.
    const asked = server.requestsTo("GET", "/api/salons/suggest/");
    expect(asked.map((request) => request.query.get("q"))).toEqual(["اسشوار"]);
    expect(box).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("listbox");
    expect(within(list).getByRole("group", { name: "الصالونات" })).toHaveTextContent("صالون روز لاونج");
    const services = within(list).getByRole("group", { name: "الخدمات" });
    expect(
      within(services)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["استشوار في ١٢ صالونًا", "استشوار وتصفيف في صالون واحد"]);
    expect(within(list).getByRole("group", { name: "الأحياء" })).toHaveTextContent("الروضة جدة");
    expect(screen.getByText("٤ اقتراحات")).toHaveAttribute("role", "status");
  });

  test("Down and Up move through the suggestions, Enter on a service searches for it", async () => {
    const server = serve();
    const { user, router } = renderRoutes(routes, "/?city=jeddah");
    await screen.findByRole("link", { name: /صالون دلال/ });
    const box = await typeAndWaitForSuggestions(user, "اسشوار");
    expect(server.requestsTo("GET", "/api/salons/suggest/").at(-1)?.query.get("city")).toBe("jeddah");

    await user.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", screen.getByRole("option", { name: /صالون روز/ }).id);
    expect(screen.getByRole("option", { name: /صالون روز/ })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    const service = screen.getByRole("option", { name: "استشوار في ١٢ صالونًا" });
    expect(box).toHaveAttribute("aria-activedescendant", service.id);
    // The focus stays in the box throughout.
    expect(box).toHaveFocus();

    await user.keyboard("{Enter}");

    expect(currentUrl(router)).toBe(`/?q=${encodeURIComponent("استشوار")}&city=jeddah`);
    expect(box).toHaveValue("استشوار");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
  });

  test("Up from the box goes to the last suggestion: a district, which sets the district and its city", async () => {
    serve();
    const { user, router } = renderRoutes(routes, "/?city=riyadh&near=1,2");
    await screen.findByRole("link", { name: /صالون دلال/ });
    const box = await typeAndWaitForSuggestions(user, "الروضة");

    await user.keyboard("{ArrowUp}");
    expect(box).toHaveAttribute("aria-activedescendant", screen.getByRole("option", { name: "الروضة جدة" }).id);
    await user.keyboard("{Enter}");

    expect(currentUrl(router)).toBe(`/?city=jeddah&district=${encodeURIComponent("الروضة")}`);
    expect(box).toHaveValue("");
  });

  test("Enter on a salon opens its page", async () => {
    serve();
    const { user, router } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });
    await typeAndWaitForSuggestions(user, "روز");

    await user.keyboard("{ArrowDown}{Enter}");

    expect(currentUrl(router)).toBe("/salons/7");
    expect(await screen.findByText("salon page")).toBeInTheDocument();
  });

  test("a click picks too; Escape closes the list and keeps the words; Enter then searches for them", async () => {
    serve();
    const { user, router } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });
    const box = await typeAndWaitForSuggestions(user, "اسشوار");

    await user.keyboard("{ArrowDown}{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(box).toHaveValue("اسشوار");
    await user.keyboard("{Enter}");
    expect(currentUrl(router)).toBe(`/?q=${encodeURIComponent("اسشوار")}`);

    await user.clear(box);
    await typeAndWaitForSuggestions(user, "استشوار");
    await user.click(screen.getByRole("option", { name: "استشوار وتصفيف في صالون واحد" }));
    expect(currentUrl(router)).toBe(`/?${new URLSearchParams({ q: "استشوار وتصفيف" }).toString()}`);
  });

  test("words of a link ask for no suggestions; one letter is not enough", async () => {
    const server = serve();
    const { user } = renderRoutes(routes, `/?q=${encodeURIComponent("حناء")}`);
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.clear(screen.getByRole("combobox", { name: "الصالون أو الخدمة" }));
    await user.type(screen.getByRole("combobox", { name: "الصالون أو الخدمة" }), "ح");
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(server.requestsTo("GET", "/api/salons/suggest/")).toHaveLength(0);
    expect(screen.getByRole("combobox", { name: "الصالون أو الخدمة" })).toHaveAttribute("aria-expanded", "false");
  });
});
