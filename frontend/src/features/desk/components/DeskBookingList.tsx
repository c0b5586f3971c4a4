import "../desk.css";

import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatTime, formatTimeRange } from "@/lib/format/time";
import { formatPhoneForDisplay, isMaskedPhone } from "@/lib/phone";
import type { Booking } from "@/types/models";

import { StatusLabel } from "./StatusLabel";

interface DeskBookingListProps {
  bookings: Booking[];
  /** Bookings of several days: each says its date. */
  showDate?: boolean;
  /** Say why a pending booking waits: for the salon to confirm, or for the customer to pay. */
  showWaitingFor?: boolean;
  /** The actions of one booking (composed by the page: they belong to the bookings feature). */
  renderActions: (booking: Booking) => ReactNode;
}

function WaitingFor({ booking }: { booking: Booking }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  if (booking.status !== "pending") return null;
  if (booking.allowed_actions.includes("confirm"))
    return <p className="desk-agenda__waiting">{t("today.waitingConfirmation")}</p>;
  if (booking.hold_expires_at)
    return (
      <p className="desk-agenda__waiting">
        {t("today.waitingPayment", { time: formatTime(booking.hold_expires_at, language, booking.salon.timezone) })}
      </p>
    );
  return null;
}

/** Bookings in time order, each with who, what, with whom, its status and what can be done now. */
export function DeskBookingList({
  bookings,
  showDate = false,
  showWaitingFor = false,
  renderActions,
}: DeskBookingListProps) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const listId = useId();
  const sorted = [...bookings].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  return (
    <ol className="desk-agenda">
      {sorted.map((booking) => {
        const zone = booking.salon.timezone;
        const headingId = `${listId}-${booking.id}`;
        return (
          <li key={booking.id}>
            <article className="desk-agenda__item" aria-labelledby={headingId}>
              <header className="desk-agenda__header">
                <h3 id={headingId} className="desk-agenda__time">
                  {showDate && <>{formatDate(booking.start, language, zone, "short")} · </>}
                  {formatTimeRange(booking.start, booking.end, language, zone)}
                </h3>
                <StatusLabel status={booking.status} />
              </header>
              <p className="desk-agenda__service">
                {t("today.serviceWith", { service: booking.service.name, staff: booking.staff.display_name })}
              </p>
              <p>
                {booking.customer.first_name || t("calendar.customer")}
                {booking.customer.phone_number && (
                  <>
                    {" · "}
                    {isMaskedPhone(booking.customer.phone_number) ? (
                      <bdi dir="ltr">{booking.customer.phone_number}</bdi>
                    ) : (
                      <a className="link" href={`tel:${booking.customer.phone_number}`}>
                        <bdi dir="ltr">{formatPhoneForDisplay(booking.customer.phone_number)}</bdi>
                      </a>
                    )}
                  </>
                )}
              </p>
              {showWaitingFor && <WaitingFor booking={booking} />}
              {renderActions(booking)}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
