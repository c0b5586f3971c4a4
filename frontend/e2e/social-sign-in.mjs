// Google and Apple sign-in with the development stand-in (DJANGO_DEBUG=1, no client ids): the first
// sign-in links the identity to a phone verified by code; then it signs straight in; the profile unlinks it.
import assert from "node:assert/strict";

import { screenshot, signInWithCode } from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };

export const socialSignInJourneys = [
  {
    name: "a customer links Google to their phone, signs in with Google alone, and unlinks it",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/sign-in");
      await page.getByRole("button", { name: "المتابعة عبر Google (بيئة التطوير)" }).click();
      await page.getByText("خطوة أخيرة: رقم جوالك").waitFor();
      await screenshot(page, "social-phone-required");
      await signInWithCode(page, logPath, "0500000777");
      // A new account: the name step, skipped here.
      await page.getByRole("button", { name: "تخطَّ الآن" }).click();

      await page.goto("/profile");
      const linked = page.getByRole("region", { name: "حسابات الدخول المرتبطة" });
      await linked.getByText("dev@example.com").waitFor();
      await page.getByRole("button", { name: "تسجيل الخروج" }).click();

      await page.goto("/sign-in");
      await page.getByRole("button", { name: "المتابعة عبر Google (بيئة التطوير)" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.goto("/profile");
      await linked.getByRole("button", { name: "إلغاء الربط Google" }).click();
      await linked.getByText("لا يوجد حساب Google أو Apple مرتبط. سجّل الدخول بأحدهما لربطه.").waitFor();
      assert.equal(await linked.getByText("dev@example.com").count(), 0);
      await screenshot(page, "social-unlinked");
    },
  },
];
