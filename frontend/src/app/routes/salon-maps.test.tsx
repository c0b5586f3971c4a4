import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mockFetch } from "@/testing/fetch-mock";
import { paginated, salon, salonSummary } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

import { Component as Home } from "./home";
import { Component as SalonRoute } from "./salon";

// Leaflet itself is not run here (jsdom has no layout): a stand-in records what the app asks of it.
const leaflet = vi.hoisted(() => {
  const calls = {
    maps: [] as {
      element: HTMLElement;
      options: Record<string, unknown>;
      removed: boolean;
      view?: unknown;
      bounds?: unknown;
    }[],
    tiles: [] as { url: string; options: Record<string, unknown> }[],
    markers: [] as {
      at: [number, number];
      options: Record<string, unknown>;
      popup?: () => HTMLElement;
      element: HTMLElement;
    }[],
    zoom: [] as Record<string, unknown>[],
    attribution: [] as Record<string, unknown>[],
    here: [] as { at: [number, number]; tooltip?: string }[],
  };
  const addable = () => ({ addTo: vi.fn().mockReturnThis() });
  const module = {
    map: vi.fn((element: HTMLElement, options: Record<string, unknown>) => {
      const record: (typeof calls.maps)[number] = { element, options, removed: false };
      calls.maps.push(record);
      return {
        setView: vi.fn((center: unknown, zoom: unknown) => {
          record.view = [center, zoom];
        }),
        fitBounds: vi.fn((bounds: unknown) => {
          record.bounds = bounds;
        }),
        remove: vi.fn(() => {
          record.removed = true;
        }),
      };
    }),
    control: {
      zoom: vi.fn((options: Record<string, unknown>) => {
        calls.zoom.push(options);
        return addable();
      }),
      attribution: vi.fn((options: Record<string, unknown>) => {
        calls.attribution.push(options);
        return addable();
      }),
    },
    tileLayer: vi.fn((url: string, options: Record<string, unknown>) => {
      calls.tiles.push({ url, options });
      return addable();
    }),
    marker: vi.fn((at: [number, number], options: Record<string, unknown>) => {
      const element = document.createElement("div");
      const record: (typeof calls.markers)[number] = { at, options, element };
      calls.markers.push(record);
      const pin = {
        bindPopup: vi.fn((content: () => HTMLElement) => {
          record.popup = content;
          return pin;
        }),
        addTo: vi.fn(() => pin),
        getElement: () => element,
      };
      return pin;
    }),
    circleMarker: vi.fn((at: [number, number]) => {
      const record: (typeof calls.here)[number] = { at };
      calls.here.push(record);
      const dot = {
        bindTooltip: vi.fn((text: string) => {
          record.tooltip = text;
          return dot;
        }),
        addTo: vi.fn(() => dot),
      };
      return dot;
    }),
    divIcon: vi.fn((options: Record<string, unknown>) => ({ divIcon: options })),
    latLngBounds: vi.fn((points: unknown) => ({ points })),
  };
  return { calls, module };
});

vi.mock("leaflet", () => leaflet.module);

const MAP_CONFIG = {
  tile_url: "/__tiles__/{z}/{x}/{y}.png",
  attribution: "© OpenStreetMap <contributors>",
  max_zoom: 18,
};

const rose = {
  ...salonSummary,
  id: 7,
  name: "صالون روز لاونج",
  city: "jeddah" as const,
  city_name: "جدة",
  district: "الروضة",
  latitude: 21.5633,
  longitude: 39.156,
  distance_km: 2.7,
};
const corniche = { ...rose, id: 8, name: "حلاقة الكورنيش", latitude: 21.596, longitude: 39.108, distance_km: 7.9 };
const nowhere = { ...rose, id: 9, name: "صالون بلا عنوان", latitude: null, longitude: null, distance_km: null };

beforeEach(() => {
  for (const list of Object.values(leaflet.calls)) list.length = 0;
});

describe("the results on a map", () => {
  test("pins for the salons with a place, the customer's dot, tiles and attribution from the server", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", []);
    server.on("GET", "/api/salons/cities/", []);
    server.on("GET", "/api/salons/", paginated([rose, corniche, nowhere]));
    server.on("GET", "/api/map-config/", MAP_CONFIG);
    const { user, router } = renderRoutes(
      [
        { path: "/", Component: Home },
        { path: "/salons/:salonId", element: <p>salon page</p> },
      ],
      "/?near=21.543,39.173",
    );
    await screen.findByRole("link", { name: /صالون روز لاونج/ });

    await user.click(screen.getByRole("button", { name: "خريطة" }));

    expect(currentUrl(router)).toBe("/?near=21.543%2C39.173&view=map");
    expect(screen.getByRole("button", { name: "خريطة" })).toHaveAttribute("aria-pressed", "true");
    const map = await screen.findByRole("region", { name: "خريطة الصالونات" });
    // The map is laid out left to right; what is around it follows the page.
    expect(map).toHaveAttribute("dir", "ltr");
    await vi.waitFor(() => expect(leaflet.calls.maps).toHaveLength(1));
    expect(leaflet.calls.maps[0]!.element).toBe(map);
    expect(leaflet.calls.tiles).toEqual([
      {
        url: "/__tiles__/{z}/{x}/{y}.png",
        options: { maxZoom: 18, attribution: "© OpenStreetMap &#60;contributors&#62;" },
      },
    ]);
    expect(leaflet.calls.zoom).toEqual([{ zoomInTitle: "تكبير", zoomOutTitle: "تصغير" }]);
    expect(leaflet.calls.markers.map((pin) => [pin.at, pin.options.title])).toEqual([
      [[21.5633, 39.156], "صالون روز لاونج"],
      [[21.596, 39.108], "حلاقة الكورنيش"],
    ]);
    // No icon image from elsewhere: a pin drawn by CSS.
    expect(leaflet.calls.markers[0]!.options.icon).toMatchObject({ divIcon: { className: "map-pin" } });
    expect(leaflet.calls.markers[0]!.element).toHaveAttribute("aria-label", "صالون روز لاونج");
    expect(leaflet.calls.here).toEqual([{ at: [21.543, 39.173], tooltip: "موقعك" }]);
    expect(leaflet.calls.maps[0]!.bounds).toEqual({
      points: [
        [21.5633, 39.156],
        [21.596, 39.108],
        [21.543, 39.173],
      ],
    });
    expect(screen.getByText("صالون واحد ليس له موقع على الخريطة.")).toBeInTheDocument();

    // A pin's popup: the salon's name links to its page (in the app), in the page's direction.
    const popup = leaflet.calls.markers[0]!.popup!();
    expect(popup).toHaveAttribute("dir", "rtl");
    expect(popup).toHaveTextContent("الروضة، جدة – ٢٫٧ كم");
    const link = within(popup).getByRole("link", { name: "صالون روز لاونج" });
    expect(link).toHaveAttribute("href", "/salons/7");
    document.body.append(popup);
    await user.click(link);
    expect(currentUrl(router)).toBe("/salons/7");
    popup.remove();
    // Leaving the page removes the map.
    await vi.waitFor(() => expect(leaflet.calls.maps[0]!.removed).toBe(true));
  });

  test("the list/map choice comes from the link, and the list comes back", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", []);
    server.on("GET", "/api/salons/cities/", []);
    server.on("GET", "/api/salons/", paginated([rose]));
    server.on("GET", "/api/map-config/", MAP_CONFIG);
    const { user, router } = renderRoutes([{ path: "/", Component: Home }], "/?view=map&city=jeddah");

    await screen.findByRole("region", { name: "خريطة الصالونات" });
    expect(screen.queryByRole("link", { name: /صالون روز لاونج/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "قائمة" }));

    expect(currentUrl(router)).toBe("/?city=jeddah");
    expect(await screen.findByRole("link", { name: /صالون روز لاونج/ })).toBeInTheDocument();
  });

  test("without the map's settings the map says it could not be loaded", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/categories/", []);
    server.on("GET", "/api/salons/cities/", []);
    server.on("GET", "/api/salons/", paginated([rose]));
    server.on("GET", "/api/map-config/", () => new Response("", { status: 503 }));
    renderRoutes([{ path: "/", Component: Home }], "/?view=map");

    expect(await screen.findByText("تعذّر تحميل الخريطة. حاول مرة أخرى لاحقًا.")).toBeInTheDocument();
    expect(leaflet.calls.maps).toHaveLength(0);
  });
});

describe("the salon's map", () => {
  test("a small map of the salon, and directions that open the phone's maps app", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/3/", salon);
    server.on("GET", "/api/salons/3/reviews/", paginated([]));
    server.on("GET", "/api/map-config/", MAP_CONFIG);
    renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

    const about = await screen.findByRole("region", { name: "عن الصالون" });
    const directions = within(about).getByRole("link", { name: "الاتجاهات (يُفتح في علامة تبويب جديدة)" });
    expect(directions).toHaveAttribute("href", "https://www.google.com/maps/dir/?api=1&destination=24.872,46.664");
    expect(directions).toHaveAttribute("target", "_blank");
    const map = await within(about).findByRole("region", { name: "موقع صالون دلال للتجميل على الخريطة" });
    expect(map).toHaveAttribute("dir", "ltr");
    await vi.waitFor(() => expect(leaflet.calls.maps).toHaveLength(1));
    expect(leaflet.calls.maps[0]!.options).toMatchObject({ dragging: false, scrollWheelZoom: false });
    expect(leaflet.calls.maps[0]!.view).toEqual([[24.872, 46.664], 15]);
    expect(leaflet.calls.markers).toHaveLength(1);
  });

  test("a salon without a place has no map and no directions", async () => {
    const server = mockFetch();
    server.on("GET", "/api/salons/3/", { ...salon, latitude: null, longitude: null, google_maps_url: null });
    server.on("GET", "/api/salons/3/reviews/", paginated([]));
    renderRoutes([{ path: "/salons/:salonId", Component: SalonRoute }], "/salons/3");

    const about = await screen.findByRole("region", { name: "عن الصالون" });
    expect(within(about).queryByRole("link", { name: /الاتجاهات/ })).not.toBeInTheDocument();
    expect(within(about).queryByRole("region")).not.toBeInTheDocument();
    expect(server.requestsTo("GET", "/api/map-config/")).toHaveLength(0);
  });
});
