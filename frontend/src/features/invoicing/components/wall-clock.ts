import { formatDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";
import type { Language } from "@/lib/i18n";

/**
 * An API time ("2026-03-10T14:05:00+03:00", in the salon's offset) as its own wall-clock date and time,
 * "١٠ مارس ٢٠٢٦ ٢:٠٥ م": the time printed on the document, whatever the reader's time zone.
 */
export function formatIssuedAt(iso: string, language: Language): string {
  const wall = `${iso.slice(0, 19)}Z`;
  return `${formatDate(wall, language, "UTC", "document")} ${formatTime(wall, language, "UTC")}`;
}
