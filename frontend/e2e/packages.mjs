// Packages: the manager puts a package on sale, a customer buys it with the demo gateway, books a
// session with it for nothing, and sees one session fewer in the profile.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import {
  confirmBooking,
  openAnotherBrowser,
  openManagedSalon,
  pickService,
  pickSlot,
  pickStylist,
  screenshot,
  searchSalon,
  signInWithCode,
} from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const CUSTOMER = "0500000001";
const MANAGER = "0500000003";
const SALON = "صالون لمسة الياسمين";
const SALON_WORDS = "الياسمين";

/** The manager adds a package of three sessions of استشوار in the back office. */
async function addPackage(page, logPath, name) {
  const salonId = await openManagedSalon(page, logPath, MANAGER, SALON);
  await page.goto(`/manage/${salonId}/packages`);
  await page.getByRole("heading", { level: 1, name: "الباقات" }).waitFor();
  await page.getByLabel("الخدمة").selectOption({ label: "استشوار" });
  await page.getByLabel("الاسم").fill(name);
  await page.getByLabel("عدد الجلسات").fill("3");
  await page.getByLabel("مدة الصلاحية (بالأيام)").fill("30");
  await page.getByLabel(/^السعر/).fill("300");
  await page.getByRole("button", { name: "إضافة", exact: true }).click();
  await page.getByRole("listitem").filter({ hasText: name }).waitFor();
  await screenshot(page, "manage-packages");
  await checkAccessibility(page, "the back office's packages");
}

export const packageJourneys = [
  {
    name: "a customer buys a package with the demo gateway, books a session with it for nothing, and has one fewer",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      const name = `باقة الاستشوار ${Date.now() % 100_000}`;
      const manager = await openAnotherBrowser(page, { baseUrl, viewport: PHONE });
      try {
        await addPackage(manager.page, logPath, name);
      } finally {
        await manager.close();
      }

      await searchSalon(page, SALON_WORDS, SALON);
      const offer = page.getByRole("listitem").filter({ hasText: name });
      await offer.waitFor();
      await screenshot(page, "salon-packages");
      await offer.getByRole("link", { name: "شراء" }).click();
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, CUSTOMER);
      await page.getByRole("heading", { level: 1, name: "شراء باقة" }).waitFor();
      await checkAccessibility(page, "buying a package");
      await page.getByRole("button", { name: /^ادفع/ }).click();
      await page.waitForURL(/\/api\/payments\/fake\//);
      await page.getByRole("button", { name: /^(ادفع|Pay)$/ }).click();
      await page.waitForURL(/\/purchases\/return\?/);
      await page.getByText("باقتك جاهزة للاستخدام").waitFor();
      await screenshot(page, "package-paid");

      await searchSalon(page, SALON_WORDS, SALON);
      await pickService(page, "استشوار");
      await pickStylist(page, "ريم");
      await pickSlot(page, { daysAhead: 6 });
      await page.getByRole("heading", { level: 1, name: "راجع الحجز وأكّده" }).waitFor();
      await page.getByRole("radio", { name: new RegExp(`استخدام جلسة من ${name}`) }).check();
      await screenshot(page, "review-with-package");
      await checkAccessibility(page, "the review step with a package");
      const created = page.waitForResponse(
        (response) => response.url().endsWith("/api/bookings/") && response.request().method() === "POST",
      );
      await confirmBooking(page);
      const booking = await (await created).json();
      assert.equal(booking.price.amount, 0);
      await page.waitForURL(/\/bookings\/\d+/);

      await page.goto("/profile");
      const mine = page.getByRole("listitem", { name });
      await mine.getByText("تبقّت جلستان من ٣").waitFor();
      await screenshot(page, "profile-packages");
      await checkAccessibility(page, "the profile with a package");
    },
  },
];
