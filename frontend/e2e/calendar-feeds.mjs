// Calendar feeds: a stylist subscribes their calendar app to their bookings, and resets the link.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import { screenshot, signInWithCode } from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };

/** The feed's path on this server (the link names the public address, FRONTEND_URL). */
function feedPath(webcalUrl) {
  return new URL(webcalUrl.replace(/^webcal:/, "http:")).pathname;
}

export const calendarFeedJourneys = [
  {
    name: "a stylist opens their calendar feed card, resets the link and sees a new one",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      await page.goto("/staff");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, "0500000002");
      await page.getByRole("heading", { level: 1, name: "يومي" }).waitFor();
      const card = page.getByRole("region", { name: "رابط التقويم" });
      const link = card.getByLabel("رابط الاشتراك");
      // The copy button comes with the link, once the feed is loaded.
      await card.getByRole("button", { name: "نسخ الرابط" }).waitFor();
      const oldLink = await link.inputValue();
      const google = await card.getByRole("link", { name: "إضافة إلى تقويم Google" }).getAttribute("href");
      assert.equal(google, `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(oldLink)}`);
      await card.getByRole("img", { name: "رمز QR لرابط الاشتراك" }).waitFor();
      // The feed answers without signing in: it is what a calendar app fetches.
      const feed = await fetch(`${baseUrl}${feedPath(oldLink)}`);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get("content-type"), /^text\/calendar/);
      assert.match(await feed.text(), /^BEGIN:VCALENDAR/);
      await screenshot(page, "calendar-feed");
      await checkAccessibility(page, "the stylist's day with the calendar feed");

      await card.getByRole("button", { name: "إعادة تعيين الرابط" }).click();
      const dialog = page.getByRole("dialog", { name: "إعادة تعيين رابط التقويم؟" });
      await dialog.getByText(/يتوقف الرابط القديم فورًا/).waitFor();
      await dialog.getByRole("button", { name: "إعادة تعيين الرابط" }).click();
      await card.getByText(/أُنشئ رابط جديد/).waitFor();

      const newLink = await link.inputValue();
      assert.notEqual(newLink, oldLink);
      assert.match(newLink, /^webcal:\/\/.+\/api\/calendar\/feeds\/[A-Za-z0-9_-]+\.ics$/);
      assert.equal((await fetch(`${baseUrl}${feedPath(oldLink)}`)).status, 404);
      assert.equal((await fetch(`${baseUrl}${feedPath(newLink)}`)).status, 200);
      await screenshot(page, "calendar-feed-reset");
    },
  },
];
