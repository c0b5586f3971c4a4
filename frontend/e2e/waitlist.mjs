// The waitlist: a customer joins on a day with no free time, another customer's booking is cancelled,
// the freed time is held for the first customer, who books it from the offer page.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import { codeFromLog, dayButton, isoDay, pickService, pickStylist, screenshot, searchSalon } from "./fixtures.mjs";
import { readLog } from "./server.mjs";

const PHONE = { width: 390, height: 844 };
const SALON = "صالون لمسة الياسمين";
const SALON_WORDS = "الياسمين";
// ريم is on leave (demo time off) 5 to 7 days from the day the demo data was seeded.
const STYLIST = "ريم";
const WAITING = "0500000071";
const OTHER = "0500000072";

/** Signs in by API (the code from the server's log) and returns a caller with the person's token. */
async function apiCustomer(page, baseUrl, logPath, phone) {
  const since = readLog(logPath).length;
  const json = { "Content-Type": "application/json" };
  const requested = await fetch(`${baseUrl}/api/auth/phone/request/`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ phone_number: phone }),
  });
  assert.ok(requested.ok, await requested.clone().text());
  const { request_id: requestId } = await requested.json();
  const code = await codeFromLog(page, logPath, phone, since);
  const verified = await fetch(`${baseUrl}/api/auth/phone/verify/`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ request_id: requestId, code }),
  });
  assert.ok(verified.ok, await verified.clone().text());
  const { access } = await verified.json();
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...json, Authorization: `Bearer ${access}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
}

export const waitlistJourneys = [
  {
    name: "waitlist: a customer joins on a full day, a cancellation frees a time, the offer is booked",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      await searchSalon(page, SALON_WORDS, SALON);
      await pickService(page, "استشوار");
      await pickStylist(page, STYLIST);
      await page.locator('ul[aria-busy="false"]').first().waitFor();
      const url = new URL(page.url());
      const salonId = Number(url.pathname.split("/")[2]);
      const serviceId = Number(url.searchParams.get("service"));
      const staffId = Number(url.searchParams.get("staff"));

      // Another customer takes the first time of a day after the leave.
      const other = await apiCustomer(page, baseUrl, logPath, OTHER);
      const day = isoDay(9);
      const free = await other(
        "GET",
        `/api/salons/${salonId}/availability/?service=${serviceId}&staff=${staffId}&date=${day}`,
      );
      assert.equal(free.status, 200);
      const start = free.body.days[0].slots[0].start;
      const booked = await other("POST", "/api/bookings/", { service: serviceId, staff: staffId, start });
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const clock = start.slice(11, 16);
      const minuteLater = `${clock.slice(0, 3)}${String(Number(clock.slice(3, 5)) + 1).padStart(2, "0")}`;

      // The day of the leave has no free time: it offers the waitlist (after signing in).
      await dayButton(page, 6).click();
      await page.getByText("لا توجد أوقات متاحة", { exact: false }).first().waitFor();
      await page.getByRole("link", { name: "انضم إلى قائمة الانتظار" }).click();
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      const since = readLog(logPath).length;
      await page.getByLabel("رقم الجوال").fill(WAITING);
      await page.getByRole("button", { name: "أرسل الرمز" }).click();
      await page.getByLabel("الرمز").fill(await codeFromLog(page, logPath, WAITING, since));
      await page.getByRole("button", { name: "دخول" }).click();
      await page.getByLabel("الاسم الأول").fill("منى");
      await page.getByRole("button", { name: "متابعة", exact: true }).click();
      await page.getByRole("button", { name: "انضم إلى قائمة الانتظار" }).click();

      // The form starts on that day; the customer waits instead for the time the other customer took.
      const form = page.getByRole("form", { name: "الانضمام إلى قائمة الانتظار" });
      assert.equal(await form.getByLabel("من تاريخ").inputValue(), isoDay(6));
      await form.getByLabel("من تاريخ").fill(day);
      await form.getByLabel("إلى تاريخ").fill(day);
      await form.getByLabel("من الساعة").fill(clock);
      await form.getByLabel("إلى الساعة").fill(minuteLater);
      await screenshot(page, "waitlist-join");
      await form.getByRole("button", { name: "انضمام" }).click();
      await page.getByText("أنت الآن في قائمة الانتظار، ترتيبك ١.").waitFor();

      // The other customer cancels: the time is held for the first in line at once.
      const cancelled = await other("POST", `/api/bookings/${booked.body.id}/cancel/`, {});
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      const message = /موعد متاح في .+ محجوز لك ١٥ دقيقة: \S+\/waitlist\/offers\/(\d+)/;
      // The message goes out right after the cancellation's commit (the console provider logs it).
      for (let tries = 0; tries < 100 && !message.test(readLog(logPath).slice(since)); tries += 1) {
        await page.waitForTimeout(100);
      }
      assert.match(readLog(logPath).slice(since), message);

      await page.getByRole("link", { name: "عرض قائمة انتظاري" }).click();
      await page.getByRole("heading", { level: 2, name: "قائمة الانتظار" }).waitFor();
      await page.getByText("موعد محجوز لك").waitFor();
      await page.getByRole("link", { name: "عرض الموعد" }).click();
      await page.getByRole("heading", { level: 1, name: "موعد متاح لك" }).waitFor();
      await page.getByText(/محجوز لك لمدة/).waitFor();
      await screenshot(page, "waitlist-offer");
      await checkAccessibility(page, "a time offered from the waitlist");
      await page.getByRole("button", { name: "احجز هذا الموعد" }).click();
      await page.waitForURL(/\/bookings\/\d+$/);
      await page.getByText("مؤكد", { exact: true }).first().waitFor();
    },
  },
];
