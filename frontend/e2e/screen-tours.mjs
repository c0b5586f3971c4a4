// Screen tours: per role, the screens and dialogs the other journeys do not reach, each checked by
// axe in Arabic and in English (`checkAccessibility` switches the language and back). They change
// nothing another journey relies on: dialogs are opened and closed, except one walk-in booking.
import { checkAccessibility } from "./accessibility.mjs";
import { goToManageSection, isoDay, openManagedSalon, signInWithCode } from "./fixtures.mjs";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const CUSTOMER = "0500000001";
const STYLIST = "0500000002";
const MANAGER = "0500000003";
const SALON = "صالون لمسة الياسمين";

/** Waits until nothing on the page (or in `scope`) is loading. */
async function loaded(scope) {
  await scope.locator('[aria-busy="true"], .state--loading').first().waitFor({ state: "detached" });
}

/** Checks an open dialog, then closes it with `closeWith` (a button of the dialog) or its close button. */
async function checkDialog(page, dialog, where, closeWith = "إغلاق") {
  await dialog.waitFor();
  await loaded(dialog);
  await checkAccessibility(page, where);
  await dialog.getByRole("button", { name: closeWith, exact: true }).first().click();
  await dialog.waitFor({ state: "hidden" });
}

export const screenTours = [
  {
    name: "screen tour: a customer's screens and dialogs pass axe in Arabic and English",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/sign-in");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await checkAccessibility(page, "the sign-in page");
      await signInWithCode(page, logPath, CUSTOMER);
      await page.waitForURL((url) => url.pathname !== "/sign-in");

      await page.goto("/bookings");
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const upcoming = page
        .getByRole("article")
        .filter({ has: page.getByRole("button", { name: "تغيير الموعد" }) })
        .first();
      await upcoming.waitFor();
      await loaded(page);
      await checkAccessibility(page, "My bookings (upcoming)");

      await upcoming.getByRole("button", { name: "إلغاء الحجز" }).click();
      await checkDialog(
        page,
        page.getByRole("dialog", { name: "إلغاء هذا الحجز؟" }),
        "the cancel dialog",
        "الإبقاء على الحجز",
      );

      await upcoming.getByRole("button", { name: "تغيير الموعد" }).click();
      const reschedule = page.getByRole("dialog", { name: /^تغيير موعد/ });
      const times = reschedule.getByRole("region", { name: "الأوقات المتاحة" }).getByRole("button");
      await times.first().waitFor();
      await loaded(reschedule);
      await checkAccessibility(page, "the reschedule dialog");
      await times.first().click();
      await reschedule.getByRole("button", { name: "تأكيد الموعد الجديد" }).waitFor();
      await checkDialog(page, reschedule, "the reschedule dialog's confirmation");

      await upcoming.getByRole("link", { name: "التفاصيل" }).click();
      await page.getByRole("heading", { level: 1, name: "تفاصيل الحجز" }).waitFor();
      await loaded(page);
      await checkAccessibility(page, "a booking's page");

      await page.goto("/bookings?tab=past");
      await page.getByRole("heading", { level: 1, name: "حجوزاتي" }).waitFor();
      const visit = page
        .getByRole("article")
        .filter({ has: page.getByRole("button", { name: "قيّم زيارتك" }) })
        .first();
      await visit.waitFor();
      await loaded(page);
      await checkAccessibility(page, "My bookings (past)");
      await visit.getByRole("button", { name: "قيّم زيارتك" }).click();
      await checkDialog(page, page.getByRole("dialog", { name: /^قيّم / }), "the review dialog");

      await page.goto("/no-such-page");
      await page.getByRole("heading", { level: 1 }).waitFor();
      await checkAccessibility(page, "the page-not-found page");
    },
  },
  {
    name: "screen tour: the stylist's walk-in dialog, step by step, passes axe in Arabic and English",
    viewport: PHONE,
    async run({ page, logPath }) {
      await page.goto("/staff");
      await page.getByRole("heading", { level: 1, name: "تسجيل الدخول" }).waitFor();
      await signInWithCode(page, logPath, STYLIST);
      await page.getByRole("heading", { level: 1, name: "يومي" }).waitFor();
      await loaded(page);

      await page.getByRole("button", { name: "حجز جديد لعميل" }).click();
      const walkIn = page.getByRole("dialog", { name: /^حجز جديد مع/ });
      const services = walkIn.locator("button.choice");
      await services.first().waitFor();
      await checkAccessibility(page, "the walk-in dialog: the service");
      await services.first().click();
      const times = walkIn.getByRole("region", { name: "الأوقات المتاحة" }).getByRole("button");
      await times.first().waitFor();
      await loaded(walkIn);
      await checkAccessibility(page, "the walk-in dialog: the time");
      await times.first().click();
      await walkIn.getByLabel("رقم جوال العميل").waitFor();
      await checkAccessibility(page, "the walk-in dialog: the customer");
      await walkIn.getByLabel("رقم جوال العميل").fill("0500000888");
      await walkIn.getByRole("button", { name: "احجز", exact: true }).click();
      await walkIn.getByText("تم الحجز وتأكيده.").waitFor();
      await checkDialog(page, walkIn, "the walk-in dialog: booked", "تم");
    },
  },
  {
    name: "screen tour: the back office's calendar, salon and customer dialogs pass axe in Arabic and English",
    viewport: DESKTOP,
    async run({ page, logPath }) {
      const salonId = await openManagedSalon(page, logPath, MANAGER, SALON);

      // A walk-in from a free time of the calendar (the first of the next days with one).
      for (let daysAhead = 1; daysAhead <= 7; daysAhead += 1) {
        await page.goto(`/manage/${salonId}/calendar?view=day&date=${isoDay(daysAhead)}`);
        await page.getByRole("heading", { level: 1, name: "التقويم" }).waitFor();
        await loaded(page);
        if ((await page.getByRole("button", { name: /^احجز لعميل الساعة/ }).count()) > 0) break;
      }
      await checkAccessibility(page, "the calendar's day (desktop)");
      await page
        .getByRole("button", { name: /^احجز لعميل الساعة/ })
        .first()
        .click();
      await checkDialog(page, page.getByRole("dialog", { name: /^حجز جديد مع/ }), "the calendar's walk-in dialog");

      await goToManageSection(page, "الصالون");
      await loaded(page);
      await page
        .getByRole("button", { name: /^تعديل تعليق «/ })
        .first()
        .click();
      await checkDialog(page, page.getByRole("dialog", { name: "تعديل التعليق" }), "the photo caption dialog");
      await page
        .getByRole("button", { name: /^حذف «/ })
        .first()
        .click();
      await checkDialog(
        page,
        page.getByRole("dialog", { name: "حذف هذه الصورة؟" }),
        "the delete-photo dialog",
        "تراجع",
      );
      const visible = page.getByRole("checkbox", { name: "الصالون ظاهر للعملاء ويستقبل الحجوزات" });
      await visible.uncheck();
      await page.getByRole("button", { name: "حفظ البيانات" }).click();
      await checkDialog(
        page,
        page.getByRole("dialog", { name: "إخفاء الصالون عن العملاء؟" }),
        "the hide-salon dialog",
        "تراجع",
      );
      await visible.check();

      await goToManageSection(page, "العملاء");
      await loaded(page);
      await page.getByRole("link", { name: /سارة/ }).first().click();
      await page.getByRole("heading", { level: 1, name: /سارة/ }).waitFor();
      await loaded(page);
      await page.getByRole("button", { name: "حظر الحجز عبر الإنترنت" }).click();
      await checkDialog(page, page.getByRole("dialog", { name: /^حظر / }), "the block-customer dialog", "رجوع");
    },
  },
  {
    name: "screen tour: the back office's service and team dialogs pass axe in Arabic and English",
    viewport: DESKTOP,
    async run({ page, logPath }) {
      await openManagedSalon(page, logPath, MANAGER, SALON);
      await goToManageSection(page, "الخدمات");
      await loaded(page);
      await page.getByRole("button", { name: "إضافة خدمة" }).click();
      await checkDialog(page, page.getByRole("dialog", { name: "خدمة جديدة" }), "the new service dialog");
      await page
        .getByRole("button", { name: /^تعديل / })
        .first()
        .click();
      await checkDialog(page, page.getByRole("dialog", { name: "تعديل الخدمة" }), "the service dialog");
      await page.getByRole("button", { name: /^حذف / }).first().click();
      await checkDialog(page, page.getByRole("dialog", { name: /^حذف «/ }), "the delete-service dialog", "تراجع");

      await goToManageSection(page, "الفريق");
      await loaded(page);
      await page.getByRole("button", { name: "إضافة مختصة" }).click();
      await checkDialog(page, page.getByRole("dialog", { name: "مختصة جديدة" }), "the new stylist dialog");
      await page
        .getByRole("button", { name: /^تعديل / })
        .first()
        .click();
      await checkDialog(page, page.getByRole("dialog", { name: /^تعديل / }), "the stylist dialog");
      await page
        .getByRole("button", { name: /^إيقاف / })
        .first()
        .click();
      await checkDialog(page, page.getByRole("dialog", { name: /^إيقاف / }), "the deactivate dialog", "تراجع");
    },
  },
];
