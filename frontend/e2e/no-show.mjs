// No-show protection (issue 20, ADR 0016): a manager asks for a deposit; a customer sees the rule
// before booking, pays the deposit only (the demo gateway's page), and the confirmation tells the rest.
import assert from "node:assert/strict";

import { checkAccessibility } from "./accessibility.mjs";
import {
  confirmBooking,
  goToManageSection,
  openAnotherBrowser,
  openManagedSalon,
  payWithDemoGateway,
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

/** The manager's no-show protection on the salon page: a policy and, for a deposit, its share. */
async function setNoShowPolicy(page, { policy, percent }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: "سياسة الحجز" }) });
  await form.getByRole("combobox", { name: "الحماية من عدم الحضور" }).selectOption(policy);
  if (percent !== undefined) await form.getByRole("textbox", { name: "العربون (٪ من السعر)" }).fill(String(percent));
  const saved = page.waitForResponse(
    (response) => /\/api\/manage\/salons\/\d+\/$/.test(response.url()) && response.request().method() === "PATCH",
  );
  await form.getByRole("button", { name: "حفظ السياسة" }).click();
  assert.equal((await saved).status(), 200);
  await form.getByText("حُفظت التغييرات.").waitFor();
}

export const noShowJourneys = [
  {
    name: "no-show protection: a manager asks for a deposit, a customer sees the rule and pays the deposit",
    viewport: PHONE,
    async run({ page, logPath, baseUrl }) {
      await openManagedSalon(page, logPath, MANAGER, SALON);
      await goToManageSection(page, "الصالون");
      await setNoShowPolicy(page, { policy: "deposit", percent: 20 });
      await screenshot(page, "no-show-policy");
      await checkAccessibility(page, "the salon page with no-show protection");

      const customer = await openAnotherBrowser(page, { baseUrl, viewport: PHONE });
      try {
        const shop = customer.page;
        await searchSalon(shop, "الياسمين", SALON);
        await pickService(shop, "مناكير");
        await pickStylist(shop, "لمى");
        await shop.locator('ul[aria-busy="false"]').first().waitFor();
        await pickSlot(shop, { daysAhead: 4 });
        await signInWithCode(shop, logPath, CUSTOMER);
        // The rule, before booking: 20 % of 100 SAR online, 100 % of the price for a late cancellation.
        await shop.getByText(/يُدفع عربون قدره 20% من السعر إلكترونيًا عند الحجز/).waitFor();
        await screenshot(shop, "no-show-review");
        await confirmBooking(shop);
        await shop.getByText(/العربون المطلوب الآن:/).waitFor();
        assert.match(await shop.getByText(/العربون المطلوب الآن:/).innerText(), /(20|٢٠)[.٫](00|٠٠)/);
        await screenshot(shop, "no-show-payment");
        await payWithDemoGateway(shop);
        // The confirmation: what is left for the salon, and the rule with the booking's own amounts.
        await shop.getByText("المتبقي للدفع في الصالون").waitFor();
        await shop.getByText(/يُدفع عربون قدره 20\.00/).waitFor();
        await screenshot(shop, "no-show-confirmation");
        await checkAccessibility(shop, "the deposit's confirmation");
      } finally {
        await customer.close();
      }

      // The demo salon goes back to no protection for whatever runs next.
      await setNoShowPolicy(page, { policy: "none" });
    },
  },
];
