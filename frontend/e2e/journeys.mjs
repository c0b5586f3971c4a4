// The journeys the product must never break, in Arabic on a phone-sized screen.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import {
  cancelBooking,
  confirmBooking,
  payWithDemoGateway,
  pickService,
  pickSlot,
  pickStylist,
  screenshot,
  searchSalon,
  signInWithCode,
} from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

export const journeys = [
  {
    name: "a customer books and pays at a prepaid salon, then cancels from My bookings",
    viewport: PHONE,
    async run({ page, logPath }) {
      await searchSalon(page, "دلال", "صالون دلال للتجميل");
      await screenshot(page, "salon");
      await checkAccessibility(page, "the salon page");
      await pickService(page, "استشوار");
      await checkAccessibility(page, "the stylist step");
      await pickStylist(page, "دانة");
      await page.locator('ul[aria-busy="false"]').first().waitFor();
      await checkAccessibility(page, "the time step");
      await screenshot(page, "time-step");
      // Far enough ahead to be inside the salon's 48-hour free cancellation window.
      await pickSlot(page, { daysAhead: 3 });
      await screenshot(page, "sign-in-in-flow");
      await checkAccessibility(page, "the sign-in step");
      await signInWithCode(page, logPath, "0500000001");
      await screenshot(page, "review");
      await checkAccessibility(page, "the review step");
      await confirmBooking(page);
      await page.getByText(/نحجز لك هذا الموعد لمدة/).waitFor();
      await screenshot(page, "payment");
      await checkAccessibility(page, "the payment page");
      await payWithDemoGateway(page);
      await screenshot(page, "payment-return");

      await page.getByRole("link", { name: "حجوزاتي" }).first().click();
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const booking = page.getByRole("article", { name: "استشوار" }).filter({ hasText: "صالون دلال للتجميل" }).first();
      await booking.getByText("مؤكد", { exact: true }).waitFor();
      assert.match(await booking.innerText(), /SLN-/);
      assert.match(await booking.innerText(), /مدفوع/);
      await screenshot(page, "my-bookings");
      await checkAccessibility(page, "My bookings");
      await cancelBooking(page, booking);
      await screenshot(page, "cancelled");

      // The inbox has the booking's notifications, and the header counted the unread ones.
      await page.getByRole("link", { name: /^الإشعارات/ }).click();
      await page.getByRole("heading", { level: 1, name: "الإشعارات" }).waitFor();
      await page
        .getByRole("link", { name: /^فتح الحجز SLN-/ })
        .first()
        .waitFor();
      await screenshot(page, "inbox");
      await checkAccessibility(page, "the inbox");
    },
  },
  {
    name: "a stylist signs in and marks the booking in progress as completed",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/staff");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, "0500000002");
      await page.getByRole("heading", { level: 1, name: "يومي" }).waitFor();
      // The seeded booking that started within the last hour can be completed.
      const inProgress = page.getByRole("article").filter({ has: page.getByRole("button", { name: "تمت الخدمة" }) });
      const time = await inProgress.first().getByRole("heading").innerText();
      const booking = page.getByRole("article", { name: time });
      await screenshot(page, "stylist-day");
      await checkAccessibility(page, "the stylist's day");
      await booking.getByRole("button", { name: "تمت الخدمة" }).click();
      await booking.getByText("مكتمل", { exact: true }).waitFor();
      await screenshot(page, "stylist-day-completed");
    },
  },
  {
    name: "the home and salon pages on a desktop screen",
    viewport: DESKTOP,
    async run({ page }) {
      await page.goto("/");
      await page.getByRole("heading", { level: 1, name: "احجز صالونك بخطوات قليلة" }).waitFor();
      await page.getByRole("link", { name: /صالون/ }).first().waitFor();
      await screenshot(page, "home");
      await checkAccessibility(page, "the home page (desktop)");
      await searchSalon(page, "دلال", "صالون دلال للتجميل");
      await page.getByRole("heading", { name: "الخدمات والأسعار" }).waitFor();
      await screenshot(page, "salon");
    },
  },
  {
    name: "the home page on a phone",
    viewport: PHONE,
    async run({ page }) {
      await page.goto("/");
      await page.getByRole("link", { name: /صالون/ }).first().waitFor();
      assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
      await screenshot(page, "home");
      await checkAccessibility(page, "the home page");
    },
  },
];
