// The journeys the product must never break, in Arabic on a phone-sized screen.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { checkAccessibility } from "./accessibility.mjs";
import { screenTours } from "./screen-tours.mjs";
import { readLog } from "./server.mjs";
import {
  addService,
  addTimeOff,
  balanceCard,
  bookingReference,
  cancelBooking,
  changeIban,
  codeFromLog,
  confirmBooking,
  dayButton,
  downloadExport,
  goToManageSection,
  isoDay,
  openAnotherBrowser,
  openManagedSalon,
  openStylistSchedule,
  payWithDemoGateway,
  pickService,
  pickSlot,
  pickStylist,
  readArabicNumber,
  screenshot,
  searchSalon,
  shownAmount,
  shownTimes,
  signInWithCode,
  thisMonth,
} from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

// The back office's journeys share the demo database with each other and with the journeys above,
// so each works with its own stylists at "صالون لمسة الياسمين": a new service for جواهر, time off
// for لمى, a booking of ريم's moved to نورة.
const CUSTOMER = "0500000001";
const MANAGER = "0500000003";
const SALON = "صالون لمسة الياسمين";
const SALON_WORDS = "الياسمين";

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
      await checkAccessibility(page, "the payment's return page");

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
    name: "a customer withdraws reminders by text message in Messages and privacy; after a reload they stay off",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/profile");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, CUSTOMER);
      await page.getByRole("heading", { level: 2, name: "الرسائل والخصوصية" }).waitFor();
      const reminderBySms = () => page.getByRole("switch", { name: "التذكيرات: رسالة نصية (SMS)" });
      assert.equal(await reminderBySms().isChecked(), true);
      const saved = page.waitForResponse(
        (response) => response.url().endsWith("/api/auth/me/consents/") && response.request().method() === "PATCH",
      );
      await reminderBySms().click();
      assert.equal((await saved).status(), 200);
      await screenshot(page, "consents-withdrawn");
      await checkAccessibility(page, "Messages and privacy");

      await page.reload();
      await page.getByRole("heading", { level: 2, name: "الرسائل والخصوصية" }).waitFor();
      assert.equal(await reminderBySms().isChecked(), false);
      assert.equal(await page.getByRole("switch", { name: "التذكيرات: واتساب" }).isChecked(), true);
      const bookingMessages = page.getByRole("group", { name: "رسائل الحجز" }).getByRole("switch");
      assert.equal(await bookingMessages.isChecked(), true);
      assert.equal(await bookingMessages.isDisabled(), true);
    },
  },
  {
    name: "a customer adds an email, confirms it with the mailed link, and the profile shows it verified",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/profile");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, CUSTOMER);
      const address = `sara.${Date.now()}@example.com`;
      await page.getByLabel("البريد الإلكتروني (اختياري)").fill(address);
      const logBefore = readLog(logPath).length;
      await page.getByRole("button", { name: "حفظ", exact: true }).click();
      await page.getByText(`أرسلنا رمزًا إلى ${address}`).waitFor();

      // The console email backend writes the mail to the server's log: its link, not the code.
      let link = null;
      for (let tries = 0; tries < 100 && !link; tries += 1) {
        link = readLog(logPath)
          .slice(logBefore)
          .match(/\/email\/verify\?token=(\S+)/);
        if (!link) await page.waitForTimeout(100);
      }
      assert.ok(link, "no verification link in the server log");
      await page.goto(`/email/verify?token=${link[1]}`);
      await page.getByRole("heading", { level: 1, name: "توثيق بريدك الإلكتروني" }).waitFor();
      await checkAccessibility(page, "the email verification page");
      await page.getByRole("button", { name: "توثيق بريدي" }).click();
      await page.getByText("تم توثيق بريدك الإلكتروني.").waitFor();
      await screenshot(page, "email-verified");

      await page.goto("/profile");
      const email = page.getByRole("region", { name: "البريد الإلكتروني" });
      await email.getByText(/موثَّق/).waitFor();
      assert.ok((await email.innerText()).includes(address));
      assert.equal(
        await email.getByRole("checkbox", { name: "أرسل رسائل حجوزاتي بالبريد الإلكتروني أيضًا" }).isChecked(),
        true,
      );
      await checkAccessibility(page, "the profile's email settings");
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
    name: "the manager adds a service with a price and a stylist; a customer sees it and books it",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      const service = "تنظيف بشرة بالذهب";
      const manager = await openAnotherBrowser(page, { baseUrl, viewport: PHONE });
      try {
        await openManagedSalon(manager.page, logPath, MANAGER, SALON);
        await goToManageSection(manager.page, "الخدمات");
        await addService(manager.page, {
          category: "العناية بالبشرة",
          name: service,
          minutes: 60,
          riyals: 275,
          stylists: ["جواهر"],
        });
        const row = manager.page.getByRole("listitem").filter({ hasText: service });
        assert.match(await row.innerText(), /٢٧٥/);
        await screenshot(manager.page, "manage-services");
      } finally {
        await manager.close();
      }

      await searchSalon(page, SALON_WORDS, SALON);
      const offered = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `احجز ${service}` }) });
      assert.match(await offered.innerText(), /٢٧٥/);
      await pickService(page, service);
      await pickStylist(page, "جواهر");
      await pickSlot(page, { daysAhead: 1 });
      await signInWithCode(page, logPath, CUSTOMER);
      await confirmBooking(page);
      await bookingReference(page);
      await checkAccessibility(page, "a booking just made");
      await page.getByRole("link", { name: "حجوزاتي" }).first().click();
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const booking = page.getByRole("article", { name: service }).first();
      assert.match(await booking.innerText(), new RegExp(`${SALON} · مع جواهر`));
    },
  },
  {
    name: "the manager blocks tomorrow afternoon for a stylist; those times leave the customer's time picker",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      const tomorrow = isoDay(1);
      const openTomorrow = async () => {
        await page.locator('ul[aria-busy="false"]').first().waitFor();
        await dayButton(page, 1).click();
        await dayButton(page, 1).and(page.locator('[aria-pressed="true"]')).waitFor();
      };
      await searchSalon(page, SALON_WORDS, SALON);
      await pickService(page, "مناكير");
      await pickStylist(page, "لمى");
      await openTomorrow();
      const afternoon = await shownTimes(page, { period: "بعد الظهر" });
      assert.ok(afternoon.length > 0, "لمى has free times tomorrow afternoon before the time off");

      const manager = await openAnotherBrowser(page, { baseUrl, viewport: PHONE });
      try {
        await openManagedSalon(manager.page, logPath, MANAGER, SALON);
        await openStylistSchedule(manager.page, "لمى");
        await addTimeOff(manager.page, { from: `${tomorrow}T12:00`, until: `${tomorrow}T17:00`, reason: "موعد خاص" });
        await screenshot(manager.page, "manage-time-off");
      } finally {
        await manager.close();
      }

      // The customer looks again: the afternoon is gone, the rest of the day is still free.
      const freshTimes = page.waitForResponse((response) => /\/availability\//.test(response.url()) && response.ok());
      await page.reload();
      await freshTimes;
      await page.getByRole("heading", { level: 1, name: "اختر اليوم والوقت" }).waitFor();
      await openTomorrow();
      const left = await shownTimes(page);
      assert.ok(left.length > 0, "لمى still has free times tomorrow outside the time off");
      assert.equal(await page.getByRole("list", { name: "بعد الظهر" }).count(), 0);
      assert.deepEqual(
        left.filter((time) => afternoon.includes(time)),
        [],
      );
      await screenshot(page, "time-step-after-time-off");
    },
  },
  {
    name: "the manager moves a booking to another stylist in the calendar; My bookings shows the change",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      await searchSalon(page, SALON_WORDS, SALON);
      await pickService(page, "استشوار");
      await pickStylist(page, "ريم");
      const { date, time } = await pickSlot(page, { daysAhead: 2 });
      await signInWithCode(page, logPath, CUSTOMER);
      await confirmBooking(page);
      const reference = await bookingReference(page);

      const manager = await openAnotherBrowser(page, { baseUrl, viewport: DESKTOP });
      try {
        const salonId = await openManagedSalon(manager.page, logPath, MANAGER, SALON);
        await manager.page.goto(`/manage/${salonId}/calendar?view=day&date=${date}`);
        await manager.page.getByRole("heading", { level: 1, name: "التقويم" }).waitFor();
        await manager.page.getByRole("button", { name: new RegExp(`^${time} سارة – استشوار`) }).click();
        const dialog = manager.page.getByRole("dialog", { name: "الحجز" });
        await dialog.getByText(reference).waitFor();
        await checkAccessibility(manager.page, "the calendar's booking dialog");
        await dialog.getByRole("button", { name: "نقل" }).click();
        const move = manager.page.getByRole("dialog", { name: "نقل الحجز" });
        await move.getByLabel("المختص").selectOption({ label: "نورة" });
        await move.locator('ul[aria-busy="false"]').first().waitFor();
        // The same time with نورة: the customer is free then (it is her booking's time).
        await move
          .getByRole("region", { name: "الأوقات المتاحة" })
          .getByRole("button", { name: time, exact: true })
          .click();
        await move.getByRole("button", { name: "انقل الحجز" }).waitFor();
        await checkAccessibility(manager.page, "the move dialog's confirmation");
        await move.getByRole("button", { name: "انقل الحجز" }).click();
        await manager.page.getByText("نُقل الحجز، وسيُبلَّغ العميل.").waitFor();
        await screenshot(manager.page, "manage-calendar-moved");
      } finally {
        await manager.close();
      }

      await page.getByRole("link", { name: "حجوزاتي" }).first().click();
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const booking = page.getByRole("article").filter({ hasText: reference });
      await booking.getByText(`${SALON} · مع نورة`).waitFor();
      await screenshot(page, "my-bookings-moved");
    },
  },
  {
    name: "the manager opens the reports: a figure matches the API, and the CSV and Excel files download",
    viewport: DESKTOP,
    async run({ page, logPath }) {
      const salonId = await openManagedSalon(page, logPath, MANAGER, SALON);
      const { from, to } = thisMonth();
      // This month is the default period: the page asks for its summary with the session's token.
      const summaryPath = `/api/manage/salons/${salonId}/reports/summary/`;
      const asked = page.waitForRequest((request) => {
        const url = new URL(request.url());
        return url.pathname === summaryPath && url.searchParams.get("from") === from;
      });
      await goToManageSection(page, "التقارير");
      const request = await asked;
      assert.equal(new URL(request.url()).searchParams.get("to"), to);
      await page.getByRole("radio", { name: "هذا الشهر" }).and(page.locator(":checked")).waitFor();
      await page.getByText(/هـ$/).first().waitFor();

      const bookings = page.getByRole("article", { name: "الحجوزات" }).getByText(/^[٠-٩٬]+$/);
      const shown = readArabicNumber(await bookings.innerText());
      const authorization = (await request.allHeaders()).authorization;
      assert.match(authorization ?? "", /^Bearer /);
      const totals = await page.evaluate(
        async ({ url, authorization }) => {
          const response = await fetch(url, { headers: { Authorization: authorization, Accept: "application/json" } });
          if (!response.ok) throw new Error(`${url} answered ${response.status}`);
          return (await response.json()).totals;
        },
        { url: `${summaryPath}?from=${from}&to=${to}&group_by=day`, authorization },
      );
      assert.equal(shown, totals.bookings);
      assert.ok(totals.bookings > 0, "the demo salon has bookings this month");

      // Charts drawn (Chart.js loaded on this page only), busy hours, then both kinds of file.
      await page.locator(".report-chart canvas").first().waitFor();
      await page.getByRole("region", { name: "أوقات الذروة" }).waitFor();
      await page.locator(".state--loading").first().waitFor({ state: "detached" });
      await checkAccessibility(page, "the reports (desktop)");
      await screenshot(page, "manage-reports");

      const csv = await downloadExport(page, "تنزيل الحجوزات بصيغة CSV");
      assert.equal(csv.filename, `jasmine-touch-bookings-${from}-${to}.csv`);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the CSV starts with the UTF-8 BOM");
      const header = csv.bytes.subarray(3).toString("utf8").split(/\r?\n/)[0];
      assert.match(header, /^المرجع[,;]/);
      await page.getByText(`نُزِّل الملف \u2066${csv.filename}\u2069.`).waitFor();
      const xlsx = await downloadExport(page, "تنزيل الحجوزات بصيغة Excel");
      assert.equal(xlsx.filename, `jasmine-touch-bookings-${from}-${to}.xlsx`);
      assert.equal(xlsx.bytes.subarray(0, 2).toString("latin1"), "PK", "the workbook is a zip");

      await page.setViewportSize(PHONE);
      await page.getByRole("heading", { level: 1, name: "التقارير" }).waitFor();
      await checkAccessibility(page, "the reports (phone)");
      await screenshot(page, "manage-reports");
    },
  },
  {
    name: "a customer opens the invoice of a visit paid online; the manager sees it among the salon's invoices",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      // The demo's visit paid online (and refunded in part) at the demo manager's salon.
      await page.goto("/bookings?tab=past");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, CUSTOMER);
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const visit = page.getByRole("article").filter({ hasText: SALON }).filter({ hasText: "DMO-P0001" });
      await visit.getByRole("link", { name: "الفاتورة" }).click();

      const invoice = page.getByRole("article", { name: /فاتورة ضريبية مبسطة/ });
      await invoice.waitFor();
      const number = await invoice.locator("bdi.reference").first().innerText();
      assert.match(number, /^INV-\d+-\d{6}$/);
      const qr = invoice.getByRole("img", { name: /رمز الاستجابة السريعة للفاتورة/ });
      await qr.waitFor();
      assert.ok((await qr.boundingBox()).width >= 100, "the QR code is large enough to scan");
      await invoice
        .getByRole("region", { name: /الإشعارات الدائنة/ })
        .getByText(/^CRN-/)
        .waitFor();
      await screenshot(page, "invoice");
      await checkAccessibility(page, "the invoice");
      // A choice the page shows a moment after the click (a state update in a transition): wait for it.
      const receipt = page.getByRole("radio", { name: "إيصال ٨٠ مم" });
      await receipt.click();
      await receipt.evaluate(
        (input) =>
          new Promise((resolve) => {
            const whenChecked = () => (input.checked ? resolve() : requestAnimationFrame(whenChecked));
            whenChecked();
          }),
      );
      await page.waitForURL(/paper=receipt/);
      await screenshot(page, "invoice-receipt");
      await checkAccessibility(page, "the invoice as a receipt");

      const manager = await openAnotherBrowser(page, { baseUrl, viewport: DESKTOP });
      try {
        await openManagedSalon(manager.page, logPath, MANAGER, SALON);
        await goToManageSection(manager.page, "الفواتير");
        const table = manager.page.getByRole("table", { name: "المستندات" });
        await table.getByText(number, { exact: true }).waitFor();
        await table.getByText(`يشير إلى ${number}`).waitFor();
        await screenshot(manager.page, "manage-invoices");
        await checkAccessibility(manager.page, "the salon's invoices");
      } finally {
        await manager.close();
      }
    },
  },
  {
    name: "every section of the manage area has no accessibility problems axe can find",
    viewport: PHONE,
    async run({ page, logPath }) {
      await openManagedSalon(page, logPath, MANAGER, SALON);
      for (const section of [
        "اليوم",
        "التقويم",
        "الخدمات",
        "الفريق",
        "الصالون",
        "العملاء",
        "التقارير",
        "الفواتير",
        "سجل التغييرات",
      ]) {
        await goToManageSection(page, section);
        await page.locator('[aria-busy="true"], .state--loading').first().waitFor({ state: "detached" });
        await checkAccessibility(page, `the manage section ${section}`);
      }
      await goToManageSection(page, "العملاء");
      await page.getByRole("link", { name: /سارة/ }).first().click();
      await page.getByRole("heading", { level: 1, name: /سارة/ }).waitFor();
      await checkAccessibility(page, "a customer of the salon");
      await openStylistSchedule(page, "نورة");
      await checkAccessibility(page, "a stylist's schedule");
      await page.setViewportSize(DESKTOP);
      await goToManageSection(page, "التقويم");
      await page.getByRole("button", { name: "أسبوع", exact: true }).click();
      await page.locator(".state--loading").first().waitFor({ state: "detached" });
      await checkAccessibility(page, "the calendar's week (desktop)");
      await screenshot(page, "manage-calendar-week");
    },
  },
  {
    name: "the manager opens Finance: the balance the API gives, and a new IBAN confirmed with a one-time code",
    viewport: PHONE,
    async run({ page, logPath }) {
      const salonId = await openManagedSalon(page, logPath, MANAGER, SALON);
      const balanceAnswer = page.waitForResponse(
        (response) => new URL(response.url()).pathname === `/api/manage/salons/${salonId}/balance/` && response.ok(),
      );
      await goToManageSection(page, "المالية");
      const balance = await (await balanceAnswer).json();
      const figures = {
        "متاح للتحويل": balance.available,
        معلّق: balance.pending,
        "قيد التحويل": balance.in_transit,
        "حُوِّل إلى الصالون": balance.paid_out,
        "الحد الأدنى للتحويل": balance.minimum_payout,
      };
      for (const [label, halalas] of Object.entries(figures)) {
        const shown = await balanceCard(page, label);
        assert.match(shown, /ر\.س\./, `${label} is shown as SAR`);
        assert.equal(shownAmount(shown), halalas, `${label}: ${shown}`);
      }
      assert.equal(shownAmount(await balanceCard(page, "عمولة المنصة")), balance.commission_rate_bps / 100);
      const pendingHint = await page.locator(".ledger-card--wide .ledger-card__hint").innerText();
      assert.match(pendingHint, /مهلة الاسترداد، وهي [٠-٩]+ ساعة/, "the refund window's hours");
      // This month's statement, in the salon's days.
      await page.getByRole("button", { name: "هذا الشهر", pressed: true }).waitFor();
      await page.getByRole("heading", { name: "كشف الحساب" }).waitFor();
      await page.locator(".state--loading").first().waitFor({ state: "detached" });
      await screenshot(page, "manage-finance");
      await checkAccessibility(page, "the finance page");
      // The statement's files carry the manager's token: they download, named by the server.
      const downloads = page.getByRole("group", { name: /^تنزيل كشف/ });
      for (const [button, extension] of [
        ["CSV", "csv"],
        ["Excel", "xlsx"],
        ["PDF", "pdf"],
      ]) {
        const downloaded = page.waitForEvent("download");
        await downloads.getByRole("button", { name: button }).click();
        const file = await downloaded;
        assert.match(file.suggestedFilename(), new RegExp(`^jasmine-touch-statement-[\\d-]+\\.${extension}$`));
        const bytes = readFileSync(await file.path());
        if (extension === "csv") assert.equal(bytes.subarray(0, 3).toString("hex"), "efbbbf", "a UTF-8 BOM");
        else if (extension === "pdf") assert.equal(bytes.subarray(0, 5).toString(), "%PDF-", "a PDF");
        else assert.equal(bytes.subarray(0, 2).toString(), "PK", "an Excel (zip) file");
      }

      // No IBAN in the demo: payouts are off until the manager adds one, confirmed with a code.
      const payoutsOff = page.getByText("التحويلات متوقفة: لم يُضف رقم الآيبان بعد");
      assert.equal(await payoutsOff.count(), balance.payouts_enabled ? 0 : 1);
      await changeIban(page, logPath, { phone: MANAGER, iban: "SA44 2000 0001 2345 6789 1234" });
      const details = page.getByRole("region", { name: "بيانات التحويل" });
      await details.getByText("SA44 **** **** **** **** 1234").first().waitFor();
      await payoutsOff.waitFor({ state: "detached" });
      await screenshot(page, "manage-finance-iban-saved");
      await checkAccessibility(page, "the finance page after a new IBAN");

      // The change is in the activity log, the IBAN masked.
      await goToManageSection(page, "سجل التغييرات");
      await page.getByText("SA44 **** **** **** **** 1234").first().waitFor();
      await page.setViewportSize(DESKTOP);
      await goToManageSection(page, "المالية");
      await page.locator(".state--loading").first().waitFor({ state: "detached" });
      await screenshot(page, "manage-finance");
    },
  },
  {
    name: "a new customer downloads her data, then deletes her account",
    viewport: PHONE,
    async run({ page, logPath }) {
      const phone = "0500000777";
      await page.goto("/profile");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, phone);
      await page.getByLabel("الاسم الأول").fill("هيفاء");
      await page.getByRole("button", { name: "متابعة", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "حسابي" }).waitFor();
      await page.getByRole("button", { name: "تنزيل بياناتي" }).waitFor();
      await checkAccessibility(page, "the profile with the data rights");

      // Everything held about her, as one file named by the server, fetched with her token.
      const downloaded = page.waitForEvent("download");
      await page.getByRole("button", { name: "تنزيل بياناتي" }).click();
      const file = await downloaded;
      assert.match(file.suggestedFilename(), /^salon-data-\d{4}-\d{2}-\d{2}\.json$/);
      const document = JSON.parse(readFileSync(await file.path(), "utf8"));
      assert.equal(document.profile.phone_number, "+966500000777");
      assert.equal(document.profile.first_name, "هيفاء");
      assert.ok(Array.isArray(document.bookings) && Array.isArray(document.one_time_codes));

      // Deleting: the consequences, a code to her own phone, confirmed; then she is signed out.
      await page.getByRole("button", { name: "حذف حسابي" }).click();
      await page.getByText(/لا يمكن التراجع عن حذف الحساب/).waitFor();
      await screenshot(page, "delete-account");
      await checkAccessibility(page, "the account deletion");
      const logBefore = readLog(logPath).length;
      await page.getByRole("button", { name: "أرسل رمزًا إلى جوالي" }).click();
      await page.getByText(/أرسلنا رمزًا إلى جوالك/).waitFor();
      const code = await codeFromLog(page, logPath, phone, logBefore);
      await page.getByLabel("الرمز", { exact: true }).fill(code);
      await page.getByRole("button", { name: "احذف حسابي نهائيًا" }).click();
      // Signed out: the home page, or the sign-in page if the profile noticed first.
      await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/sign-in");
      await page.goto("/profile");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
    },
  },
  {
    name: "a customer in Jeddah allows location, sees the nearest salons on a map, types a misspelt Arabic service name and still finds it",
    viewport: PHONE,
    // Near Jeddah's Al Rawdah; the browser allows the app to read the location.
    context: { geolocation: { latitude: 21.5433, longitude: 39.1728 }, permissions: ["geolocation"] },
    async run({ page }) {
      await page.goto("/");
      await page.getByRole("link", { name: /صالون/ }).first().waitFor();
      await page.getByRole("button", { name: "بالقرب مني" }).click();
      // Allowed already, so the browser asks nothing and neither does the app: the location, rounded.
      await page.waitForURL(/[?&]near=21\.543%2C39\.173(&|$)/);
      await page
        .getByRole("heading", { name: /صالون|صالونان/ })
        .first()
        .waitFor();
      assert.equal(await page.getByLabel("الترتيب").inputValue(), "distance");
      await page.getByRole("link", { name: /صالون روز لاونج/ }).waitFor();
      const names = await page.locator(".salon-card__name").allInnerTexts();
      assert.deepEqual(names, ["صالون روز لاونج", "حلاقة الكورنيش للرجال"], "the nearest first, within 10 km");
      assert.match(
        await page.getByRole("link", { name: /صالون روز لاونج/ }).innerText(),
        /[٠-٩]+٫[٠-٩] كم/,
        "the distance, in Arabic digits",
      );

      // With a free time today (late in the day, when the salons have closed, tomorrow).
      const riyadhHour = Number(
        new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: "Asia/Riyadh" }).format(
          new Date(),
        ),
      );
      const [day, dayParam] = riyadhHour < 18 ? ["اليوم", "today"] : ["غدًا", "tomorrow"];
      await page.getByRole("button", { name: "عوامل التصفية" }).click();
      const filters = page.getByRole("dialog", { name: "عوامل التصفية" });
      // The choice goes into the address, a navigation that React Router runs as a transition: the radio
      // shows it a moment after the click, so wait for it rather than check() (which looks at once).
      const dayChoice = filters.getByRole("radio", { name: day });
      await dayChoice.click();
      await dayChoice.evaluate(
        (input) =>
          new Promise((resolve) => {
            const whenChecked = () => (input.checked ? resolve() : requestAnimationFrame(whenChecked));
            whenChecked();
          }),
      );
      await filters.getByRole("button", { name: "عرض النتائج" }).click();
      await filters.waitFor({ state: "hidden" });
      await page.waitForURL(new RegExp(`[?&]day=${dayParam}(&|$)`));
      await page
        .getByRole("list", { name: "عوامل التصفية المطبقة" })
        .getByRole("button", { name: /^إزالة عامل التصفية: بالقرب مني/ })
        .waitFor();

      // The map: a pin for each salon near her, tiles with their attribution.
      await page.getByRole("button", { name: "خريطة", exact: true }).click();
      const map = page.getByRole("region", { name: "خريطة الصالونات" });
      await map.waitFor();
      assert.equal(await map.getAttribute("dir"), "ltr");
      const pin = map.getByRole("button", { name: "صالون روز لاونج" });
      await pin.waitFor();
      await map.getByText("© OpenStreetMap contributors").waitFor();
      await map.locator("img.leaflet-tile-loaded").first().waitFor();
      await pin.click();
      await map.getByRole("link", { name: "صالون روز لاونج" }).waitFor();
      await screenshot(page, "near-me-map");
      await checkAccessibility(page, "the nearest salons on a map");

      // A misspelt service ("اسشوار" for "استشوار"): the search still finds the salon that offers it.
      const words = page.getByRole("combobox", { name: "الصالون أو الخدمة" });
      await words.fill("اسشوار");
      await words.press("Enter");
      await page.waitForURL(/[?&]q=%D8%A7%D8%B3%D8%B4%D9%88%D8%A7%D8%B1(&|$)/);
      await map.getByRole("button", { name: "صالون روز لاونج" }).waitFor();
      await page.getByRole("button", { name: "قائمة", exact: true }).click();
      await page.getByRole("link", { name: /صالون روز لاونج/ }).waitFor();
      assert.deepEqual(await page.locator(".salon-card__name").allInnerTexts(), ["صالون روز لاونج"]);

      // The suggestions as she types the start of it: the service, picked with the keyboard.
      await words.fill("استش");
      const service = page
        .getByRole("listbox", { name: "اقتراحات البحث" })
        .getByRole("group", { name: "الخدمات" })
        .getByRole("option", { name: /^استشوار في/ });
      await service.waitFor();
      await screenshot(page, "near-me-suggestions");
      for (let presses = 0; presses < 15 && (await service.getAttribute("aria-selected")) !== "true"; presses += 1) {
        await words.press("ArrowDown");
      }
      await words.press("Enter");
      await page.waitForURL(/[?&]q=%D8%A7%D8%B3%D8%AA%D8%B4%D9%88%D8%A7%D8%B1(&|$)/);
      const found = page.getByRole("link", { name: /صالون روز لاونج/ });
      await found.waitFor();
      assert.match(await found.innerText(), /كم/);
      await found.click();
      await page.getByRole("heading", { level: 1, name: "صالون روز لاونج" }).waitFor();
      const directions = page.getByRole("link", { name: /^الاتجاهات/ });
      assert.equal(
        await directions.getAttribute("href"),
        "https://www.google.com/maps/dir/?api=1&destination=21.5633,39.156",
      );
      // The salon's small map loads as it comes near the screen.
      await directions.scrollIntoViewIfNeeded();
      await page.getByRole("region", { name: "موقع صالون روز لاونج على الخريطة" }).waitFor();
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
      await checkAccessibility(page, "the salon page (desktop)");
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
  {
    name: "a stylist connects Google Calendar (fake provider), picks a calendar, sees it synced and disconnects",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/staff");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, "0500000002");
      const card = page.getByRole("region", { name: "تقويم Google" });
      await card.getByRole("button", { name: "ربط تقويم Google" }).click();
      // The fake consent page approves at once and Google's redirect brings the stylist back.
      await page.waitForURL(/\/staff\?google_calendar=connected/);
      await card.getByText("رُبط تقويم Google. اختر التقويم الذي تريد استخدامه.").waitFor();
      await card.getByLabel("التقويم").selectOption({ label: "My calendar" });
      await card.getByRole("button", { name: "استخدام هذا التقويم" }).click();
      await card.getByText("آخر مزامنة").waitFor();
      await card.getByText("My calendar", { exact: true }).waitFor();
      await screenshot(page, "google-calendar-connected");
      await checkAccessibility(page, "the Google Calendar card");
      await card.getByRole("button", { name: "فك الربط" }).click();
      await card.getByRole("button", { name: "ربط تقويم Google" }).waitFor();
    },
  },
  ...screenTours,
];
