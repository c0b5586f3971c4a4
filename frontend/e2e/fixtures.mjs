// Steps of the journeys in the product's own words, with role and label locators (Arabic UI).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { SCREENSHOTS_DIR } from "./paths.mjs";
import { readLog } from "./server.mjs";

const SALON_TIME_ZONE = "Asia/Riyadh";

/** A calendar day `daysAhead` from today in the salon's time zone, as YYYY-MM-DD. */
export function isoDay(daysAhead) {
  const today = new Date(new Date().toLocaleString("en-US", { timeZone: SALON_TIME_ZONE }));
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead, 12));
  return day.toISOString().slice(0, 10);
}

/** A calendar day `daysAhead` from today in the salon's time zone, as the date strip names it. */
function dayLabel(daysAhead) {
  const today = new Date(new Date().toLocaleString("en-US", { timeZone: SALON_TIME_ZONE }));
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead, 12));
  // The year is written only for a day outside the current year (docs/frontend.md).
  return new Intl.DateTimeFormat("ar-SA-u-ca-gregory", {
    day: "numeric",
    month: "long",
    ...(day.getUTCFullYear() === today.getFullYear() ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(day);
}

// A 1×1 transparent PNG: every map tile of the journeys.
const BLANK_TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Answers the maps' tile requests (MAP_TILE_PATH) in the browser: the journeys reach no tile server. */
export async function stubMapTiles(context) {
  await context.route("**/__tiles__/**", (route) =>
    route.fulfill({ status: 200, contentType: "image/png", body: BLANK_TILE }),
  );
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
  await page.getByRole("link", { name: `احجز ${service}`, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "اختر المختص" }).waitFor();
}

export async function pickStylist(page, stylist) {
  await page.getByRole("button", { name: new RegExp(stylist) }).click();
  await page.getByRole("heading", { level: 1, name: "اختر اليوم والوقت" }).waitFor();
}

/** The date strip's button for the day `daysAhead` from today ("٨ ديسمبر" is not "١٨ ديسمبر"). */
export function dayButton(page, daysAhead) {
  return page
    .getByRole("list", { name: "الأيام" })
    .getByRole("button", { name: new RegExp(`(^|\\s)${dayLabel(daysAhead)}`) });
}

/** The first free time of the first day with free times, at least `daysAhead` days from today. */
export async function pickSlot(page, { daysAhead }) {
  await page.locator('ul[aria-busy="false"]').first().waitFor();
  for (let offset = daysAhead; offset < daysAhead + 7; offset += 1) {
    const day = dayButton(page, offset);
    // A full day opens too (to offer the waitlist): only a day marked free has times to pick.
    const free = (await day.count()) === 1 && (await day.evaluate((button) => button.classList.contains("day--free")));
    if (free) {
      await day.click();
      // The times shown are that day's once its button is pressed (before, they may be another day's).
      await day.and(page.locator('[aria-pressed="true"]')).waitFor();
      const slots = page.getByRole("region", { name: "الأوقات المتاحة" });
      const time = await slots.getByRole("button").first().innerText();
      await slots.getByRole("button", { name: time, exact: true }).click();
      return { day: dayLabel(offset), date: isoDay(offset), time };
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
  const [reference] = (await booking.innerText()).match(/SLN-[0-9A-Z]+/) ?? [];
  await booking.getByRole("button", { name: "إلغاء الحجز" }).click();
  const dialog = page.getByRole("dialog", { name: "إلغاء هذا الحجز؟" });
  await dialog.getByText(/يمكنك الإلغاء مجانًا حتى/).waitFor();
  await dialog.getByRole("button", { name: "نعم، ألغِ الحجز" }).click();
  // No longer upcoming: it leaves this tab at once, and the past tab shows it cancelled.
  const same = () => page.getByRole("article").filter({ hasText: reference });
  await same().waitFor({ state: "detached" });
  await page.getByRole("link", { name: "السابقة" }).click();
  await same().getByText("ملغى", { exact: true }).waitFor();
}

/**
 * A second person at another browser (own cookies and storage) on the same server, e.g. the salon's
 * manager while the customer's page stays open. Errors in its page fail the journey too.
 */
export async function openAnotherBrowser(page, { baseUrl, viewport }) {
  const context = await page.context().browser().newContext({
    baseURL: baseUrl,
    viewport,
    locale: "ar-SA",
    timezoneId: SALON_TIME_ZONE,
    deviceScaleFactor: 1,
  });
  await stubMapTiles(context);
  const other = await context.newPage();
  other.setDefaultTimeout(15_000);
  other.setDefaultNavigationTimeout(30_000);
  const errors = [];
  other.on("pageerror", (error) => errors.push(error.message));
  return {
    page: other,
    async close() {
      await context.close();
      if (errors.length) throw new Error(`errors in the second browser's page: ${errors.join("; ")}`);
    },
  };
}

// --- The salon's back office (/manage) ------------------------------------------------------------

/** Signs in at /manage and opens the salon by its name (a manager of several switches to it). Returns its id. */
export async function openManagedSalon(page, logPath, phone, salonName) {
  await page.goto("/manage");
  await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
  await signInWithCode(page, logPath, phone);
  await page.getByRole("navigation", { name: "أقسام الإدارة" }).waitFor();
  const switcher = page.getByRole("combobox", { name: "الصالون" });
  if ((await switcher.count()) === 0) return Number(/\/manage\/(\d+)\//.exec(page.url())[1]);
  const id = await switcher.getByRole("option", { name: salonName }).getAttribute("value");
  await switcher.selectOption(id);
  await page.waitForURL(new RegExp(`/manage/${id}/`));
  return Number(id);
}

export async function goToManageSection(page, section) {
  await page.getByRole("navigation", { name: "أقسام الإدارة" }).getByRole("link", { name: section }).click();
  await page.getByRole("heading", { level: 1, name: section }).waitFor();
}

/** Adds a service on the services page (price in riyals) offered by the stylists named. */
export async function addService(page, { category, name, minutes, riyals, stylists }) {
  await page.getByRole("button", { name: "إضافة خدمة" }).click();
  const dialog = page.getByRole("dialog", { name: "خدمة جديدة" });
  await dialog.getByLabel("الفئة").selectOption({ label: category });
  await dialog.getByLabel("الاسم بالعربية").fill(name);
  await dialog.getByLabel("المدة (بالدقائق)").fill(String(minutes));
  await dialog.getByLabel("السعر (ريال)").fill(String(riyals));
  for (const stylist of stylists) await dialog.getByRole("checkbox", { name: stylist }).check();
  await dialog.getByRole("button", { name: "إضافة الخدمة" }).click();
  await page.getByText(`حُفظت خدمة «${name}».`).waitFor();
  await dialog.waitFor({ state: "detached" });
}

/** Opens a stylist's schedule from the team page. */
export async function openStylistSchedule(page, stylist) {
  await goToManageSection(page, "الفريق");
  await page.getByRole("link", { name: `ساعات العمل ${stylist}` }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(stylist) }).waitFor();
}

/** Adds time off on a stylist's schedule page; `from` and `until` are the salon's wall clock (YYYY-MM-DDTHH:MM). */
export async function addTimeOff(page, { from, until, reason }) {
  const form = page.getByRole("form", { name: "إضافة إجازة" });
  await form.getByLabel("من").fill(from);
  await form.getByLabel("إلى").fill(until);
  await form.getByLabel("السبب").fill(reason);
  await form.getByRole("button", { name: "إضافة الإجازة" }).click();
  await form.getByText("أُضيفت الإجازة.").waitFor();
}

/** The free start times the time picker shows for the chosen day, as written on the buttons. */
export async function shownTimes(page, { period } = {}) {
  const slots = page.getByRole("region", { name: "الأوقات المتاحة" });
  await slots.waitFor();
  const list = period ? slots.getByRole("list", { name: period }) : slots;
  return list.getByRole("button").allInnerTexts();
}

/** Reads the reference of the booking on its page ("SLN-…"). */
export async function bookingReference(page) {
  await page.getByRole("heading", { level: 1, name: "تفاصيل الحجز" }).waitFor();
  const reference = await page
    .getByText(/^SLN-[A-Z0-9]+$/)
    .first()
    .innerText();
  return reference.trim();
}

// --- Reports ----------------------------------------------------------------------------------------

/** This calendar month in the salon's time zone, as the reports' `from` and `to`. */
export function thisMonth() {
  const today = isoDay(0);
  const [year, month] = today.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0, 12)).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: last };
}

/** "١٬٢٣٤" → 1234 (the figures are written with Arabic-Indic digits). */
export function readArabicNumber(text) {
  const latin = text
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[٬,\s\u061c\u200f]/g, "");
  assert.match(latin, /^\d+$/, `not a whole number: ${text}`);
  return Number(latin);
}

/** Clicks the export button and returns the download's name and bytes. */
export async function downloadExport(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName, exact: true }).click(),
  ]);
  const failure = await download.failure();
  assert.equal(failure, null, `the download of ${buttonName} failed: ${failure}`);
  return { filename: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// --- The salon's money (/manage/:id/finance) -------------------------------------------------------

/** Money or a number as the page writes it ("‏-١٥٫٠٠ ر.س.‏", "١٠٪") as a whole number of its smallest unit. */
export function shownAmount(text) {
  const latin = text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
  const value = Number(latin.replace(/\D/g, ""));
  return /-/.test(latin) ? -value : value;
}

/** The figure of the balance card whose label is `label`, as shown. */
export async function balanceCard(page, label) {
  const term = page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) });
  return term.locator("xpath=..").getByRole("definition").first().innerText();
}

/** The newest one-time code the console provider logged for `phone` (05…) after `since` characters of the log. */
export async function codeFromLog(page, logPath, phone, since) {
  const pattern = new RegExp(`OTP for \\+966${phone.slice(1)} via sms: (\\d+)`, "g");
  for (let tries = 0; tries < 100; tries += 1) {
    const codes = [...readLog(logPath).slice(since).matchAll(pattern)];
    if (codes.length) return codes.at(-1)[1];
    await page.waitForTimeout(100);
  }
  throw new Error(`no one-time code for ${phone} in the server log`);
}

/** On the finance page: a new IBAN, a code sent to the manager's phone, the code typed, saved. */
export async function changeIban(page, logPath, { phone, iban }) {
  const details = page.getByRole("region", { name: "بيانات التحويل" });
  await details.getByRole("button", { name: /^(تغيير الآيبان|إضافة الآيبان)$/ }).click();
  await details.getByLabel("الآيبان الجديد").fill(iban);
  const logBefore = readLog(logPath).length;
  await details.getByRole("button", { name: "أرسل الرمز" }).click();
  await details.getByText(/أرسلنا رمزًا إلى جوالك/).waitFor();
  const code = await codeFromLog(page, logPath, phone, logBefore);
  await details.getByLabel("الرمز", { exact: true }).fill(code);
  await details.getByRole("button", { name: "حفظ الآيبان" }).click();
  await details.getByText("حُفظ الآيبان الجديد:").waitFor();
}
