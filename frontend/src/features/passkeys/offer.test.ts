import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { dismissPasskeyOffer, offerPasskeyAfterPhoneSignIn } from "./offer";

const KEY = "salon.passkeys.offer";

beforeEach(() => localStorage.removeItem(KEY));
afterEach(() => vi.unstubAllGlobals());

test("a phone sign-in makes the offer due where the browser has passkeys", () => {
  vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});

  offerPasskeyAfterPhoneSignIn();

  expect(localStorage.getItem(KEY)).toBe("due");
});

test("a dismissed offer is not made again", () => {
  vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});
  dismissPasskeyOffer();

  offerPasskeyAfterPhoneSignIn();

  expect(localStorage.getItem(KEY)).toBe("dismissed");
});

test("no offer where the browser has no passkeys", () => {
  vi.stubGlobal("PublicKeyCredential", undefined);

  offerPasskeyAfterPhoneSignIn();

  expect(localStorage.getItem(KEY)).toBeNull();
});
