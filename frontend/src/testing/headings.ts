/**
 * Headings that skip a level (an h1 followed by an h3, …), in document order, as "h1 → h3 «name»".
 * axe's `heading-order` is a moderate best practice; this is the same rule, cheap enough for every page.
 */
export function headingLevelSkips(container: Element = document.body): string[] {
  const headings = [...container.querySelectorAll("h1, h2, h3, h4, h5, h6, [role='heading'][aria-level]")];
  const skips: string[] = [];
  let previous = 0;
  for (const heading of headings) {
    const level = Number(heading.getAttribute("aria-level") ?? heading.tagName.slice(1));
    if (previous && level > previous + 1) skips.push(`h${previous} → h${level} «${heading.textContent?.trim()}»`);
    previous = level;
  }
  return skips;
}
