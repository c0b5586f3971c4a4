import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { json, mockFetch } from "@/testing/fetch-mock";
import { renderRoutes } from "@/testing/render";

import { PasskeyList } from "./PasskeyList";

const laptop = { id: 7, name: "Laptop", created_at: "2026-03-01T10:00:00+03:00", last_used_at: null, backed_up: false };

beforeEach(() => session.signIn("access"));
afterEach(() => vi.unstubAllGlobals());

test("lists the passkeys and removes one", async () => {
  vi.stubGlobal("PublicKeyCredential", undefined);
  const server = mockFetch();
  server.once("GET", "/api/auth/passkeys/", [laptop]);
  server.on("DELETE", "/api/auth/passkeys/:id/", () => new Response(null, { status: 204 }));
  server.on("GET", "/api/auth/passkeys/", []);
  const { user } = renderRoutes([{ path: "/", element: <PasskeyList /> }], "/");

  const list = await screen.findByRole("list", { name: "مفاتيح المرور" });
  expect(within(list).getByText("Laptop")).toBeInTheDocument();
  expect(within(list).getByText(/لم يُستخدم بعد/)).toBeInTheDocument();
  // No WebAuthn in this browser: nothing to add with.
  expect(screen.queryByRole("button", { name: "أضف مفتاح مرور" })).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "إزالة Laptop" }));

  expect(await screen.findByText("ليس لديك مفاتيح مرور بعد.")).toBeInTheDocument();
  expect(server.requestsTo("DELETE", "/api/auth/passkeys/:id/")[0]!.params).toEqual({ id: "7" });
});

test("adds a passkey with the browser's new credential", async () => {
  vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});
  const create = vi.fn(() =>
    Promise.resolve({
      id: "AQI",
      rawId: new Uint8Array([1, 2]).buffer,
      type: "public-key",
      authenticatorAttachment: "platform",
      getClientExtensionResults: () => ({}),
      response: {
        clientDataJSON: new Uint8Array([3]).buffer,
        attestationObject: new Uint8Array([4]).buffer,
        getTransports: () => ["internal"],
      },
    }),
  );
  vi.stubGlobal("navigator", { ...navigator, credentials: { create, get: vi.fn() } });
  const server = mockFetch();
  server.once("GET", "/api/auth/passkeys/", []);
  server.on("POST", "/api/auth/passkeys/register/options/", {
    challenge: "AQID",
    rp: { id: "salon.test", name: "Salon" },
    user: { id: "BAU", name: "+966500000001", displayName: "Sara" },
    pubKeyCredParams: [{ type: "public-key", alg: -7 }],
  });
  server.on("POST", "/api/auth/passkeys/register/verify/", () => json({ ...laptop, name: "" }, 201));
  server.on("GET", "/api/auth/passkeys/", [{ ...laptop, name: "" }]);
  const { user } = renderRoutes([{ path: "/", element: <PasskeyList /> }], "/");

  await user.click(await screen.findByRole("button", { name: "أضف مفتاح مرور" }));

  expect(await screen.findByRole("status")).toHaveTextContent("أُضيف مفتاح المرور.");
  expect(server.requestsTo("POST", "/api/auth/passkeys/register/verify/")[0]!.body).toEqual({
    credential: {
      id: "AQI",
      rawId: "AQI",
      type: "public-key",
      response: { clientDataJSON: "Aw", attestationObject: "BA", transports: ["internal"] },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    },
    name: "",
  });
  expect(within(screen.getByRole("list", { name: "مفاتيح المرور" })).getByText("مفتاح مرور")).toBeInTheDocument();
});
