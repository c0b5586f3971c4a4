// Runs axe-core in the page and fails on serious or critical WCAG 2.x A/AA violations
// (missing labels, contrast below AA, invalid ARIA, …).
import { createRequire } from "node:module";

const axeSource = createRequire(import.meta.url)("axe-core").source;

export async function checkAccessibility(page, where) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`);
  });
  if (violations.length) throw new Error(`Accessibility problems on ${where}:\n  ${violations.join("\n  ")}`);
}
