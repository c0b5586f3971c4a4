import "../bookings.css";

import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";
import type { SalonDetail } from "@/types/models";

import { type BookingSelection, findService } from "../flow/state";

/** "استشوار · دانة · الثلاثاء، ٢٤ نوفمبر · ١٠:٠٠ ص": what has been chosen so far. */
export function SelectionSummary({ salon, selection }: { salon: SalonDetail; selection: BookingSelection }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const service = findService(salon, selection.serviceId);
  if (!service) return null;
  const staff = typeof selection.staff === "number" ? salon.staff.find((m) => m.id === selection.staff) : null;
  const parts = [service.name];
  if (selection.staff !== null) parts.push(staff ? staff.display_name : t("review.anyStaff"));
  if (selection.start) {
    parts.push(formatDate(selection.start, language, salon.timezone, "short"));
    parts.push(formatTime(selection.start, language, salon.timezone));
  }
  // Each part isolated, so dates and times keep their order in either direction.
  return (
    <p className="selection-summary">
      {parts.map((part, index) => (
        <span key={part}>
          {index > 0 && " · "}
          <bdi>{part}</bdi>
        </span>
      ))}
    </p>
  );
}
