// Steps of the journeys in the product's own words, with role and label locators (Arabic UI).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { SCREENSHOTS_DIR } from "./paths.mjs";
import { readLog } from "./server.mjs";

const SALON_TIME_ZONE = "Asia/Riyadh";

/** A calendar day `daysAhead` from today in the salon's time zone, as the date strip names it. */
function dayLabel(daysAhead) {
  const today = new Date(new Date().toLocaleString("en-US", { timeZone: SALON_TIME_ZONE }));
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead, 12));
  return new Intl.DateTimeFormat("ar-SA-u-ca-gregory", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(day);
}

/** A full-page screenshot once the lazy images have loaded (best effort, a few seconds at most). */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page
    .waitForFunction(() => [...document.images].every((image) => image.complete), null, { timeout: 5000 })
    .catch(() => undefined);
  const { width, height } = page.viewportSize();
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${width}x${height}.png`), fullPage: true });
}

export async function searchSalon(page, words, salonName) {
  await page.goto("/");
  await page.getByLabel("الصالون أو الخدمة").fill(words);
  await page.getByRole("button", { name: "بحث" }).click();
  await page.getByRole("link", { name: new RegExp(salonName) }).click();
  await page.getByRole("heading", { level: 1, name: salonName }).waitFor();
}

export async function pickService(page, service) {
  await page.getByRole("link", { name: `احجز ${service}` }).click();
  await page.getByRole("heading", { level: 1, name: "اختر المختص" }).waitFor();
}

export async function pickStylist(page, stylist) {
  await page.getByRole("button", { name: new RegExp(stylist) }).click();
  await page.getByRole("heading", { level: 1, name: "اختر اليوم والوقت" }).waitFor();
}

/** The first free time of the first day with free times, at least `daysAhead` days from today. */
export async function pickSlot(page, { daysAhead }) {
  const days = page.getByRole("list", { name: "الأيام" });
  await page.locator('ul[aria-busy="false"]').first().waitFor();
  for (let offset = daysAhead; offset < daysAhead + 7; offset += 1) {
    const day = days.getByRole("button", { name: new RegExp(dayLabel(offset)) });
    if ((await day.count()) === 1 && (await day.isEnabled())) {
      await day.click();
      const slot = page.getByRole("region", { name: "الأوقات المتاحة" }).getByRole("button").first();
      const time = await slot.textContent();
      await slot.click();
      return { day: dayLabel(offset), time };
    }
  }
  throw new Error(`No free time within a week from ${daysAhead} days ahead`);
}

/** Requests a code for the phone number and types the one the console provider logged. */
export async function signInWithCode(page, logPath, phone) {
  const e164 = `+966${phone.slice(1)}`;
  const logBefore = readLog(logPath).length;
  await page.getByLabel("رقم الجوال").fill(phone);
  await page.getByRole("button", { name: "أرسل الرمز" }).click();
  const pattern = new RegExp(`OTP for \\${e164} via sms: (\\d+)`);
  let code = null;
  for (let tries = 0; tries < 100 && !code; tries += 1) {
    code = pattern.exec(readLog(logPath).slice(logBefore))?.[1] ?? null;
    if (!code) await page.waitForTimeout(100);
  }
  assert.ok(code, `no one-time code for ${e164} in the server log`);
  await page.getByLabel("الرمز").fill(code);
  await page.getByRole("button", { name: "دخول" }).click();
}

export async function confirmBooking(page) {
  await page.getByRole("heading", { level: 1, name: "راجع الحجز وأكّده" }).waitFor();
  await page.getByRole("button", { name: /^(التأكيد والدفع|تأكيد الحجز)$/ }).click();
}

/** Pays on the fake gateway's page ("Pay") and comes back to the app's return page. */
export async function payWithDemoGateway(page) {
  await page.getByRole("heading", { level: 1, name: "الدفع" }).waitFor();
  await page.getByRole("button", { name: /^ادفع/ }).click();
  await page.waitForURL(/\/api\/payments\/fake\//);
  await page.getByRole("button", { name: /^(ادفع|Pay)$/ }).click();
  await page.waitForURL(/\/payments\/return\?/);
  await page.getByText("تم استلام الدفع وتأكّد حجزك").waitFor();
}

export async function cancelBooking(page, booking) {
  await booking.getByRole("button", { name: "إلغاء الحجز" }).click();
  const dialog = page.getByRole("dialog", { name: "إلغاء هذا الحجز؟" });
  await dialog.getByText(/يمكنك الإلغاء مجانًا حتى/).waitFor();
  await dialog.getByRole("button", { name: "نعم، ألغِ الحجز" }).click();
  await booking.getByText("ملغى", { exact: true }).waitFor();
}
