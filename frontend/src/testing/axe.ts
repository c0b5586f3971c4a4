// axe-core in jsdom for component tests: the WCAG 2.1 A/AA rules that do not need a real layout
// (labels, names, roles, ARIA). Colour contrast needs rendering: the browser journeys check it.
import axe from "axe-core";

export async function accessibilityViolations(container: Element = document.body): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    // Headings that skip a level fail too (a "moderate" best practice the journeys enforce as well).
    rules: { "color-contrast": { enabled: false }, "heading-order": { enabled: true } },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`,
  );
}
