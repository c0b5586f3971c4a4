import "../desk.css";

import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTimeRange } from "@/lib/format/time";
import type { Booking } from "@/types/models";

import { StatusLabel } from "./StatusLabel";

/** A customer's bookings at the salon, latest first. */
export function CustomerBookings({ bookings }: { bookings: Booking[] }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  if (bookings.length === 0) return <EmptyState icon="calendar" title={t("customers.noBookings")} />;
  const sorted = [...bookings].sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return (
    <ol className="desk-history">
      {sorted.map((booking) => {
        const zone = booking.salon.timezone;
        return (
          <li key={booking.id} className="desk-history__item">
            <div className="desk-history__when">
              <span>{formatDate(booking.start, language, zone, "long")}</span>
              <span className="desk-history__time">{formatTimeRange(booking.start, booking.end, language, zone)}</span>
            </div>
            <p>{t("today.serviceWith", { service: booking.service.name, staff: booking.staff.display_name })}</p>
            <div className="desk-history__meta">
              <StatusLabel status={booking.status} />
              <span>{formatMoney(booking.price.amount, booking.price.currency, language)}</span>
              <Reference>{booking.reference}</Reference>
            </div>
            {booking.cancellation?.reason && (
              <p className="desk-history__reason">
                {t("customers.cancelReason")} <bdi dir="auto">{booking.cancellation.reason}</bdi>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
