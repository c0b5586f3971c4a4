// Passkeys: sign in by phone once, add a passkey, sign out, sign in again with the passkey (no SMS).
// Chromium's virtual authenticator (CDP WebAuthn domain) plays the phone's Face ID or fingerprint.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { checkAccessibility } from "./accessibility.mjs";
import { screenshot, signInWithCode } from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };

/** Browsers refuse an IP address as relying-party id: the journey uses the server as `localhost`
 * (server.mjs sets WEBAUTHN_RP_ID=localhost and the matching origin). */
function onLocalhost(baseUrl, path) {
  const url = new URL(path, baseUrl);
  url.hostname = "localhost";
  return url.href;
}

async function addVirtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

export const passkeyJourneys = [
  {
    name: "a customer adds a passkey after a phone sign-in, signs out, and signs in with the passkey",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
      await page.goto(onLocalhost(baseUrl, "/sign-in?next=/profile"));
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, "0500000888");
      await page.getByLabel("الاسم الأول").fill("لمى");
      await page.getByRole("button", { name: "متابعة", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "حسابي" }).waitFor();

      // The offer after a phone sign-in.
      const offer = page.getByRole("region", { name: "سجّل دخولك أسرع في المرة القادمة" });
      await offer.waitFor();
      await screenshot(page, "passkey-offer");
      await checkAccessibility(page, "the passkey offer");
      await offer.getByRole("button", { name: "أضف مفتاح مرور" }).click();
      await offer.waitFor({ state: "detached" });
      const list = page.getByRole("list", { name: "مفاتيح المرور" });
      await list.getByText("لم يُستخدم بعد").waitFor();
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      assert.equal(credentials.length, 1);
      assert.equal(credentials[0].isResidentCredential, true);
      await screenshot(page, "passkey-added");

      await page.getByRole("button", { name: "تسجيل الخروج" }).click();
      await page.goto(onLocalhost(baseUrl, "/sign-in?next=/profile"));
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      const logBefore = readFileSync(logPath, "utf8").length;
      await page.getByRole("button", { name: "سجّل الدخول بمفتاح مرور" }).click();
      await page.getByRole("heading", { level: 1, name: "حسابي" }).waitFor();
      await page
        .getByRole("list", { name: "مفاتيح المرور" })
        .getByText(/آخر استخدام/)
        .waitFor();
      // Signed in with no code sent.
      const logAfter = readFileSync(logPath, "utf8").slice(logBefore);
      assert.doesNotMatch(logAfter, /OTP for /);
      const after = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      // The authenticator signed once more: the passkey, not a code, signed her in.
      assert.ok(after.credentials[0].signCount > credentials[0].signCount);
    },
  },
];
