import type { CSSProperties } from "react";

// Inline, so the rule holds wherever the reference lands (a table cell, a printed invoice, a toast).
const KEEP_WHOLE: CSSProperties = { whiteSpace: "nowrap" };

/**
 * A booking reference (SLN-9QPBP), an invoice or credit note number (INV-…) or a payout reference:
 * left to right and isolated from the text around it whatever the page's direction, and never broken
 * at its hyphen. The text stays as typed (no look-alike hyphen), so copying it gives the real reference.
 */
export function Reference({ children, className }: { children: string; className?: string }) {
  return (
    <bdi dir="ltr" className={className ? `reference ${className}` : "reference"} style={KEEP_WHOLE}>
      {children}
    </bdi>
  );
}
