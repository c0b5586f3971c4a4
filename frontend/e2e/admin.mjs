// The Django admin in Arabic, as the platform's administrator uses it on a desktop screen.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import { screenshot } from "./fixtures.mjs";

const axeSource = createRequire(import.meta.url)("axe-core").source;

// seed_demo's administrator; the password is DEMO_ADMIN_PASSWORD, or seed_demo's default with DJANGO_DEBUG on.
const ADMIN_PHONE = "+966500000000";
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "admin12345";
const SALON = "صالون لمسة الياسمين";

async function signInToAdmin(page) {
  await page.goto("/admin/login/?next=/admin/");
  await page.locator("#id_username").fill(ADMIN_PHONE);
  await page.locator("#id_password").fill(ADMIN_PASSWORD);
  await page.locator('input[type="submit"]').click();
  await page.waitForURL(/\/admin\/$/);
}

/** axe's "label" rule only: every form control has an accessible name. */
async function unlabelledControls(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "rule", values: ["label", "select-name"] } });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => node.html.slice(0, 160)));
  });
}

export const adminJourneys = [
  {
    name: "the admin opens a salon's page in Arabic: nothing overflows sideways, prices are in SAR, every input is named",
    viewport: { width: 1280, height: 800 },
    async run({ page }) {
      await signInToAdmin(page);
      await page.goto(`/admin/salons/salon/?q=${encodeURIComponent("الياسمين")}`);
      await page.getByRole("link", { name: SALON, exact: true }).click();
      await page.getByRole("heading", { level: 2, name: SALON }).waitFor();
      assert.equal(await page.locator("html").getAttribute("dir"), "rtl");

      const width = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(width.scroll <= width.client, `the page is ${width.scroll - width.client} px wider than the window`);

      // Prices read in riyals with two decimals, not halalas.
      const price = await page.locator('input[name="services-0-price_amount"]').inputValue();
      assert.match(price, /^\d+\.\d{2}$/);
      // The managers' two-box selector speaks Arabic around the field's name (it said "Choose all المديرون").
      const chooseAll = page.locator("#id_managers_add_all");
      await chooseAll.waitFor({ state: "attached" });
      assert.doesNotMatch(`${await chooseAll.getAttribute("title")} ${await chooseAll.textContent()}`, /Choose|Remove/);
      assert.deepEqual(await unlabelledControls(page), []);
      await screenshot(page, "admin-salon");
    },
  },
];
