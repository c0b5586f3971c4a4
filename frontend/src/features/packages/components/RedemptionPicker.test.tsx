import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, test } from "vitest";

import { mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";
import type { MyPackage, Package } from "@/types/models";

import { MyPackages } from "./MyPackages";
import { type Redemption, RedemptionPicker, redemptionFields } from "./RedemptionPicker";

const blowDry: Package = {
  id: 3,
  salon: 1,
  service: 7,
  service_name_ar: "استشوار",
  service_name_en: "Blow-dry",
  name_ar: "خمس جلسات استشوار",
  name_en: "Five blow-dries",
  sessions: 5,
  validity_days: 90,
  price_amount: 50000,
  currency: "SAR",
  is_active: true,
};

function mine(overrides: Partial<MyPackage> = {}): MyPackage {
  return {
    id: 11,
    package: blowDry,
    salon_name_ar: "صالون لمسة الياسمين",
    salon_name_en: "Jasmine Touch",
    sessions_total: 5,
    sessions_used: 3,
    sessions_left: 2,
    price_amount: 50000,
    expires_at: "2027-03-01T10:00:00+03:00",
    status: "active",
    usable: true,
    ...overrides,
  };
}

/** The picker with its state, and what the booking's body would get from it. */
function Picker({ serviceId }: { serviceId: number }) {
  const [value, setValue] = useState<Redemption>({ kind: "none" });
  return (
    <>
      <RedemptionPicker serviceId={serviceId} value={value} onChange={setValue} />
      <output aria-label="fields">{JSON.stringify(redemptionFields(value))}</output>
    </>
  );
}

describe("the review step's package and gift card choice", () => {
  test("offers the usable packages of the service and sends the chosen one", async () => {
    const server = mockFetch();
    server.on("GET", "/api/packages/purchases/", [mine(), mine({ id: 12, usable: false, sessions_left: 0 })]);
    const { user } = renderRoutes([{ path: "/", element: <Picker serviceId={7} /> }], "/");

    const session = await screen.findByRole("radio", { name: /استخدام جلسة من خمس جلسات استشوار \(تبقّت جلستان\)/ });
    expect(screen.getAllByRole("radio")).toHaveLength(3);
    await user.click(session);

    expect(screen.getByLabelText("fields")).toHaveTextContent('{"package":11}');
  });

  test("takes a gift card's code instead", async () => {
    const server = mockFetch();
    server.on("GET", "/api/packages/purchases/", []);
    const { user } = renderRoutes([{ path: "/", element: <Picker serviceId={7} /> }], "/");

    await user.click(await screen.findByRole("radio", { name: "رمز بطاقة هدية" }));
    await user.type(screen.getByLabelText("رمز بطاقة الهدية"), "ABCD-EFGH-JKMN");

    expect(screen.getByLabelText("fields")).toHaveTextContent('{"gift_card":"ABCD-EFGH-JKMN"}');
  });
});

describe("the profile's packages", () => {
  test("show the sessions left and the expiry", async () => {
    const server = mockFetch();
    server.on("GET", "/api/packages/purchases/", [mine()]);
    renderRoutes([{ path: "/", element: <MyPackages /> }], "/");

    const item = await screen.findByRole("listitem", { name: "خمس جلسات استشوار" });
    expect(item).toHaveTextContent("تبقّت جلستان من ٥");
    expect(item).toHaveTextContent("صالحة حتى");
  });
});
