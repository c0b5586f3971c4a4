import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatDateTime } from "@/lib/format/date";

import { useGoogleCalendarConflicts } from "../api/list-conflicts";

/** For managers: busy events in the stylist's calendar over bookings that still hold the time. */
export function ConflictList({ staffId, timeZone }: { staffId: number; timeZone: string }) {
  const { t } = useTranslation("googleCalendar");
  const language = useLanguage();
  const conflicts = useGoogleCalendarConflicts(staffId, { enabled: true });
  if (!conflicts.data || conflicts.data.length === 0) return null;
  return (
    <div className="notice notice--warning">
      <p className="notice__title">{t("conflictsTitle")}</p>
      <ul>
        {conflicts.data.map((conflict) => (
          <li key={conflict.id}>
            {t("conflict", {
              reference: conflict.booking_reference,
              booking: formatDateTime(conflict.booking_start, language, timeZone),
              busy: formatDateTime(conflict.busy_start, language, timeZone),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
