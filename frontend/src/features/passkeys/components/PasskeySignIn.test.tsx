import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { session } from "@/lib/auth/session";
import { apiError, json, mockFetch } from "@/testing/fetch-mock";
import { customer } from "@/testing/fixtures";
import { renderRoutes } from "@/testing/render";

import { PasskeySignIn } from "./PasskeySignIn";

const assertion = {
  id: "AQI",
  rawId: new Uint8Array([1, 2]).buffer,
  type: "public-key",
  authenticatorAttachment: "platform",
  getClientExtensionResults: () => ({}),
  response: {
    clientDataJSON: new Uint8Array([3]).buffer,
    authenticatorData: new Uint8Array([4]).buffer,
    signature: new Uint8Array([5]).buffer,
    userHandle: null,
  },
};

function stubWebAuthn(get: (options: CredentialRequestOptions) => Promise<unknown>) {
  vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});
  const credentials = { get: vi.fn(get), create: vi.fn() };
  vi.stubGlobal("navigator", { ...navigator, credentials });
  return credentials;
}

function renderButton() {
  const onComplete = vi.fn();
  return { ...renderRoutes([{ path: "/", element: <PasskeySignIn onComplete={onComplete} /> }], "/"), onComplete };
}

beforeEach(() => session.signOut());
afterEach(() => vi.unstubAllGlobals());

describe("signing in with a passkey", () => {
  test("is not offered when the browser has no WebAuthn", () => {
    vi.stubGlobal("PublicKeyCredential", undefined);
    renderButton();

    expect(screen.queryByRole("button", { name: "سجّل الدخول بمفتاح مرور" })).not.toBeInTheDocument();
  });

  test("asks the browser for a passkey of ours and signs in with the server's answer", async () => {
    const credentials = stubWebAuthn(() => Promise.resolve(assertion));
    const server = mockFetch();
    server.on("POST", "/api/auth/passkeys/login/options/", { challenge: "AQID", rpId: "salon.test" });
    server.on("POST", "/api/auth/passkeys/login/verify/", () =>
      json({ access: "access-1", user: customer, created: false }),
    );
    const { user, onComplete } = renderButton();

    await user.click(screen.getByRole("button", { name: "سجّل الدخول بمفتاح مرور" }));

    await vi.waitFor(() => expect(onComplete).toHaveBeenCalled());
    const options = credentials.get.mock.calls[0]![0];
    expect(Array.from(new Uint8Array(options.publicKey!.challenge as ArrayBuffer))).toEqual([1, 2, 3]);
    const verify = server.requestsTo("POST", "/api/auth/passkeys/login/verify/")[0]!;
    expect(verify.headers.get("X-Auth-Cookie")).toBe("1");
    expect(verify.body).toEqual({
      credential: {
        id: "AQI",
        rawId: "AQI",
        type: "public-key",
        response: { clientDataJSON: "Aw", authenticatorData: "BA", signature: "BQ", userHandle: null },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      },
    });
    expect(session.getState()).toEqual({ status: "signed_in", accessToken: "access-1" });
  });

  test("says so when the person cancels, and stays signed out", async () => {
    stubWebAuthn(() => Promise.reject(new DOMException("cancelled", "NotAllowedError")));
    const server = mockFetch();
    server.on("POST", "/api/auth/passkeys/login/options/", { challenge: "AQID" });
    const { user, onComplete } = renderButton();

    await user.click(screen.getByRole("button", { name: "سجّل الدخول بمفتاح مرور" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("أُلغي طلب مفتاح المرور أو انتهت مهلته.");
    expect(onComplete).not.toHaveBeenCalled();
    expect(server.requestsTo("POST", "/api/auth/passkeys/login/verify/")).toHaveLength(0);
    expect(session.getState().status).toBe("signed_out");
  });

  test("shows the server's reason for refusing a removed passkey", async () => {
    stubWebAuthn(() => Promise.resolve(assertion));
    const server = mockFetch();
    server.on("POST", "/api/auth/passkeys/login/options/", { challenge: "AQID" });
    server.on("POST", "/api/auth/passkeys/login/verify/", () =>
      apiError(401, "passkey_removed", "أُزيل مفتاح المرور هذا من حسابك. سجّل الدخول برقم جوالك."),
    );
    const { user } = renderButton();

    await user.click(screen.getByRole("button", { name: "سجّل الدخول بمفتاح مرور" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("أُزيل مفتاح المرور هذا من حسابك.");
    expect(session.getState().status).toBe("signed_out");
  });
});
