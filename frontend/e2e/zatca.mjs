// E-invoicing (ZATCA): a manager completes the salon's legal details and onboards its unit against the
// offline fake with a one-time password.
import { checkAccessibility } from "./accessibility.mjs";
import { goToManageSection, openManagedSalon, screenshot } from "./fixtures.mjs";

// A salon no other journey uses: its legal details and unit change here.
const MANAGER = "0500000209";
const SALON = "صالون نقش الحناء";

export const zatcaJourneys = [
  {
    name: "a manager onboards the salon's e-invoicing unit with a one-time password",
    async run({ page, logPath }) {
      await openManagedSalon(page, logPath, MANAGER, SALON);
      await goToManageSection(page, "المالية");
      await page.getByLabel("الاسم كما في السجل التجاري").fill("مؤسسة نقش الحناء للتجميل");
      await page.getByRole("button", { name: "حفظ الاسم" }).click();
      await page.getByText("حُفظ الاسم القانوني.").waitFor();

      await goToManageSection(page, "الصالون");
      const card = page.getByRole("region", { name: "الفوترة الإلكترونية (زاتكا)" });
      await card.getByText("لم تُسجَّل بعد").waitFor();
      await card.getByText(/أكمل هذه البيانات أولًا/).waitFor();
      for (const [label, value] of [
        ["رقم السجل التجاري", "2051234567"],
        ["رقم المبنى", "٧٢٣١"],
        ["الشارع", "طريق الأمير تركي"],
        ["الحي", "الكورنيش"],
        ["المدينة", "الخبر"],
        ["الرمز البريدي", "34426"],
      ]) {
        await card.getByLabel(label, { exact: true }).fill(value);
      }
      await card.getByRole("button", { name: "احفظ العنوان" }).click();
      await card.getByText("حُفظ العنوان.").waitFor();

      await card.getByLabel("رمز التحقق من بوابة فاتورة").fill("123345");
      await card.getByRole("button", { name: "سجّل" }).click();
      await card.getByText("سُجّلت الوحدة.").waitFor({ timeout: 30_000 });
      await card.getByText(/مفعّلة: كل فاتورة موقّعة/).waitFor();
      await card.getByText(/تنتهي الشهادة في/).waitFor();
      await screenshot(page, "zatca-unit-active");
      await checkAccessibility(page, "the salon settings with an active e-invoicing unit");
    },
  },
];
