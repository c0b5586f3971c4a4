import { describe, expect, test } from "vitest";

import {
  base64urlToBuffer,
  browserErrorCode,
  bufferToBase64url,
  credentialToJSON,
  toCreationOptions,
  toRequestOptions,
} from "./webauthn";

const bytes = (buffer: ArrayBuffer | BufferSource) => Array.from(new Uint8Array(buffer as ArrayBuffer));

describe("base64url", () => {
  test("round-trips bytes that need the URL-safe alphabet and no padding", () => {
    const original = new Uint8Array([251, 255, 191, 0, 1]);

    const encoded = bufferToBase64url(original);

    expect(encoded).toBe("-_-_AAE");
    expect(bytes(base64urlToBuffer(encoded))).toEqual([251, 255, 191, 0, 1]);
  });
});

describe("the server's options", () => {
  test("become the browser's creation options with binary challenge, user id and excluded ids", () => {
    const options = toCreationOptions({
      challenge: "AQID",
      rp: { id: "salon.test", name: "Salon" },
      user: { id: "BAU", name: "+966500000001", displayName: "Sara" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      excludeCredentials: [{ id: "Bwg", type: "public-key" }],
    });

    expect(bytes(options.challenge)).toEqual([1, 2, 3]);
    expect(bytes(options.user.id)).toEqual([4, 5]);
    expect(bytes(options.excludeCredentials![0]!.id)).toEqual([7, 8]);
    expect(options.rp).toEqual({ id: "salon.test", name: "Salon" });
  });

  test("become the browser's request options with no allowed list (discoverable credentials)", () => {
    const options = toRequestOptions({ challenge: "AQID", rpId: "salon.test", userVerification: "required" });

    expect(bytes(options.challenge)).toEqual([1, 2, 3]);
    expect(options.allowCredentials).toEqual([]);
    expect(options.userVerification).toBe("required");
  });
});

describe("the browser's answer", () => {
  test("an assertion is sent as JSON with base64url fields", () => {
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
        userHandle: new Uint8Array([6]).buffer,
      },
    } as unknown as PublicKeyCredential;

    expect(credentialToJSON(assertion)).toEqual({
      id: "AQI",
      rawId: "AQI",
      type: "public-key",
      response: { clientDataJSON: "Aw", authenticatorData: "BA", signature: "BQ", userHandle: "Bg" },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    });
  });

  test("the browser's refusals are told apart", () => {
    expect(browserErrorCode(new DOMException("x", "NotAllowedError"))).toBe("cancelled");
    expect(browserErrorCode(new DOMException("x", "InvalidStateError"))).toBe("exists");
    expect(browserErrorCode(new Error("x"))).toBeNull();
  });
});
