import "../bookings.css";

import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import { downloadIcs } from "@/lib/ics";
import type { Booking } from "@/types/models";

/** Downloads an .ics file that phones and desktop calendars open. */
export function AddToCalendarButton({ booking }: { booking: Booking }) {
  const { t } = useTranslation("bookings");
  const add = () =>
    downloadIcs(`${booking.reference}.ics`, {
      uid: `${booking.reference}@salon`,
      title: t("calendar.title", { service: booking.service.name, salon: booking.salon.name }),
      start: booking.start,
      end: booking.end,
      location: booking.salon.name,
      description: t("calendar.description", { reference: booking.reference, staff: booking.staff.display_name }),
    });
  return (
    <button type="button" className="button button--secondary button--small" onClick={add}>
      <Icon name="calendar" size={16} />
      {t("actions.addToCalendar")}
    </button>
  );
}
