import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";

import { Component as Home } from "./home";
import { mockFetch } from "@/testing/fetch-mock";
import { paginated, salonSummary } from "@/testing/fixtures";
import { currentUrl, renderRoutes } from "@/testing/render";

const routes = [{ path: "/", Component: Home }];

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

function serve() {
  const server = mockFetch();
  server.on("GET", "/api/salons/categories/", []);
  server.on("GET", "/api/salons/cities/", [
    { code: "riyadh", name: "الرياض" },
    { code: "jeddah", name: "جدة" },
  ]);
  server.on(
    "GET",
    "/api/salons/",
    (request) =>
      new Response(JSON.stringify(paginated(request.query.has("near") ? [rose] : [salonSummary])), {
        headers: { "Content-Type": "application/json" },
      }),
  );
  return server;
}

type Answer = { coords: { latitude: number; longitude: number } } | { code: number };

/** A browser whose location answers `answer` (a position, or an error code: 1 is a refusal). */
function stubGeolocation(answer: Answer, permission?: PermissionState) {
  const getCurrentPosition = vi.fn((success: PositionCallback, failure?: PositionErrorCallback | null) => {
    if ("coords" in answer) success({ coords: answer.coords, timestamp: Date.now() } as GeolocationPosition);
    else failure?.({ code: answer.code, message: "", PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
  });
  Object.defineProperty(navigator, "geolocation", { value: { getCurrentPosition }, configurable: true });
  if (permission) {
    Object.defineProperty(navigator, "permissions", {
      value: { query: vi.fn(() => Promise.resolve({ state: permission })) },
      configurable: true,
    });
  }
  return getCurrentPosition;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, "geolocation");
  Reflect.deleteProperty(navigator, "permissions");
});

describe("near me", () => {
  test("says why before the browser asks; then the nearest salons with their distance, the city replaced", async () => {
    const server = serve();
    const getCurrentPosition = stubGeolocation({ coords: { latitude: 21.54321, longitude: 39.17289 } });
    const { user, router } = renderRoutes(routes, "/?city=riyadh");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.click(screen.getByRole("button", { name: "بالقرب مني" }));

    // Nothing asked of the browser yet: first, the reason.
    expect(getCurrentPosition).not.toHaveBeenCalled();
    const why = screen.getByRole("group", { name: "نستخدم موقعك لعرض أقرب الصالونات إليك" });
    expect(why).toHaveTextContent("نقرّبه إلى نحو ١٠٠ متر");
    expect(within(why).getByRole("button", { name: "استخدم موقعي" })).toHaveFocus();
    await user.click(within(why).getByRole("button", { name: "استخدم موقعي" }));

    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    // Rounded to 3 decimals (about 100 m) before it goes anywhere.
    expect(currentUrl(router)).toBe("/?near=21.543%2C39.173");
    const card = await screen.findByRole("link", { name: /صالون روز لاونج/ });
    expect(card).toHaveTextContent("الروضة، جدة ٢٫٧ كم");
    expect(Object.fromEntries(server.requestsTo("GET", "/api/salons/").at(-1)!.query)).toEqual({
      near: "21.543,39.173",
      page: "1",
    });
    expect(screen.getByLabelText("المدينة")).toHaveDisplayValue("كل المدن");
    expect(screen.getByLabelText("الترتيب")).toHaveDisplayValue("الأقرب");
    expect(screen.getByRole("list", { name: "عوامل التصفية المطبقة" })).toHaveTextContent("بالقرب مني (ضمن ١٠ كم)");

    // A wider radius, then back to a city.
    await user.selectOptions(screen.getByLabelText("المسافة"), "ضمن ٢٥ كم");
    expect(currentUrl(router)).toBe("/?near=21.543%2C39.173&radius=25");
    await vi.waitFor(() => expect(server.requestsTo("GET", "/api/salons/").at(-1)?.query.get("radius_km")).toBe("25"));
    await user.selectOptions(screen.getByLabelText("المدينة"), "جدة");
    expect(currentUrl(router)).toBe("/?city=jeddah");
  });

  test("a browser that already allows it is asked at once", async () => {
    serve();
    const getCurrentPosition = stubGeolocation({ coords: { latitude: 24.7136, longitude: 46.6753 } }, "granted");
    const { user, router } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.click(screen.getByRole("button", { name: "بالقرب مني" }));

    await vi.waitFor(() => expect(currentUrl(router)).toBe("/?near=24.714%2C46.675"));
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("group", { name: /نستخدم موقعك/ })).not.toBeInTheDocument();
  });

  test("a refusal says what to do and offers the city, which stays usable", async () => {
    const server = serve();
    stubGeolocation({ code: 1 });
    const { user, router } = renderRoutes(routes, "/?city=riyadh");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.click(screen.getByRole("button", { name: "بالقرب مني" }));
    await user.click(screen.getByRole("button", { name: "استخدم موقعي" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("لم يُسمح بالوصول إلى موقعك");
    expect(currentUrl(router)).toBe("/?city=riyadh");
    expect(server.requestsTo("GET", "/api/salons/").every((request) => !request.query.has("near"))).toBe(true);

    await user.click(within(alert).getByRole("button", { name: "اختر مدينتك" }));
    const city = screen.getByLabelText("المدينة");
    expect(city).toHaveFocus();
    await user.selectOptions(city, "جدة");
    expect(currentUrl(router)).toBe("/?city=jeddah");
  });

  test("a position that cannot be found says so too; Not now asks nothing", async () => {
    serve();
    const getCurrentPosition = stubGeolocation({ code: 3 });
    const { user } = renderRoutes(routes, "/");
    await screen.findByRole("link", { name: /صالون دلال/ });

    await user.click(screen.getByRole("button", { name: "بالقرب مني" }));
    await user.click(screen.getByRole("button", { name: "ليس الآن" }));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    expect(screen.queryByRole("group", { name: /نستخدم موقعك/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "بالقرب مني" }));
    await user.click(screen.getByRole("button", { name: "استخدم موقعي" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("تعذّر تحديد موقعك الآن");
  });
});
