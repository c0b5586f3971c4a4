// Runs axe-core in the page, in Arabic and in English, and fails on serious or critical WCAG 2.x A/AA
// violations (missing labels, contrast below AA, invalid ARIA, …), on headings that skip a level
// (`heading-order`, a "moderate" rule) and on a visible label missing from the accessible name
// (`label-content-name-mismatch`, an experimental rule): these two fail whatever their impact.
import { createRequire } from "node:module";

const axeSource = createRequire(import.meta.url)("axe-core").source;

const ALWAYS_FAIL = ["heading-order", "label-content-name-mismatch"];

// E2E_AXE_REPORT_ONLY=1 prints every problem and goes on (to list them all in one run while fixing).
const REPORT_ONLY = process.env.E2E_AXE_REPORT_ONLY === "1";

async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (alwaysFail) => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      rules: Object.fromEntries(alwaysFail.map((id) => [id, { enabled: true }])),
    });
    return result.violations
      .filter(
        (violation) =>
          violation.impact === "serious" || violation.impact === "critical" || alwaysFail.includes(violation.id),
      )
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`);
  }, ALWAYS_FAIL);
}

/** Counts the API requests in flight, so a check waits for the answers a language switch asks again. */
function trackApiRequests(page) {
  const inFlight = new Set();
  const isApi = (request) => new URL(request.url()).pathname.startsWith("/api/");
  const started = (request) => isApi(request) && inFlight.add(request);
  const ended = (request) => inFlight.delete(request);
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    async settled() {
      // Quiet for 150 ms: the answers are in and no follow-up request started.
      for (let quiet = 0; quiet < 3;) {
        await page.waitForTimeout(50);
        quiet = inFlight.size ? 0 : quiet + 1;
      }
    },
    stop() {
      page.off("request", started);
      page.off("requestfinished", ended);
      page.off("requestfailed", ended);
    },
  };
}

async function settle(page) {
  await page.locator('[aria-busy="true"], .state--loading, .progress').first().waitFor({ state: "detached" });
}

/**
 * Switches the UI language with the header's own switch (a signed-in person's account follows, as
 * when a person presses it). The click is dispatched, so it works while a modal dialog makes the
 * header inert: the dialog stays open and is checked in the other language.
 */
async function switchLanguage(page, language) {
  const requests = trackApiRequests(page);
  try {
    await page.locator("header button.language-switch").dispatchEvent("click");
    await page.locator(`html[lang="${language}"]`).waitFor({ state: "attached" });
    await requests.settled();
    await settle(page);
  } finally {
    requests.stop();
  }
}

async function check(page, where) {
  const language = await page.evaluate(() => document.documentElement.lang);
  const screen = `${where} (${language})`;
  const violations = await axeViolations(page);
  if (!violations.length) return;
  const message = `Accessibility problems on ${screen}:\n  ${violations.join("\n  ")}`;
  if (REPORT_ONLY) console.log(`  ${message.replaceAll("\n", "\n  ")}`);
  else throw new Error(message);
}

/**
 * Checks the page as it is (Arabic in the journeys), then the same screen in the other language,
 * then switches back, so the journey goes on as it was: one checkpoint covers both languages
 * without visiting the screen twice. Dialogs open at a checkpoint stay open in both checks.
 */
export async function checkAccessibility(page, where) {
  await check(page, where);
  const language = await page.evaluate(() => document.documentElement.lang);
  const openDialogs = () => page.locator("dialog[open]").count();
  const dialogs = await openDialogs();
  await switchLanguage(page, language === "ar" ? "en" : "ar");
  try {
    if ((await openDialogs()) !== dialogs) throw new Error(`${where}: switching the language closed a dialog`);
    await check(page, where);
  } finally {
    await switchLanguage(page, language);
  }
}
