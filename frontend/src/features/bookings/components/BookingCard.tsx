import "../bookings.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Countdown } from "@/components/Countdown";
import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTime, formatTimeRange } from "@/lib/format/time";
import type { Booking } from "@/types/models";

import { selectionToParams } from "../flow/state";
import { AddToCalendarButton } from "./AddToCalendarButton";
import { CancelDialog } from "./CancelDialog";
import { PriceBreakdown } from "./PriceBreakdown";
import { ReviewDialog } from "./ReviewDialog";
import { StatusBadge } from "./StatusBadge";

function usePaymentLabel(booking: Booking): string {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const payment = booking.payment;
  if (!payment) return booking.allowed_actions.includes("pay") ? t("payment.awaiting") : t("payment.atSalon");
  const status = t(`payment.status.${payment.status}`, { defaultValue: payment.status });
  const card = payment.card_last4 ? ` · ${payment.card_brand} •••• ${payment.card_last4}` : "";
  const refunded =
    payment.refunded_amount > 0
      ? ` · ${t("payment.refunded", { amount: formatMoney(payment.refunded_amount, payment.currency, language) })}`
      : "";
  return `${status}${card}${refunded}`;
}

/** Payment statuses of a booking paid online (money taken, perhaps refunded since): it has an invoice. */
const PAID_ONLINE = new Set(["paid", "captured", "authorized", "refunded"]);

interface BookingCardProps {
  booking: Booking;
  /** Offered when the booking allows it and the page can show the time picker. */
  onReschedule?: (booking: Booking) => void;
  /** A link to the booking's own page (in lists). */
  linkToDetails?: boolean;
  /** Who is looking: their own booking that is over offers to book the same again. */
  viewerId?: number;
}

/** A customer's booking: when, where, reference, status, payment and VAT, and what can be done. */
export function BookingCard({ booking, onReschedule, linkToDetails = false, viewerId }: BookingCardProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const zone = booking.salon.timezone;
  const paymentLabel = usePaymentLabel(booking);
  const [dialog, setDialog] = useState<"cancel" | "review" | null>(null);
  const can = (action: Booking["allowed_actions"][number]) => booking.allowed_actions.includes(action);
  // The clock is an input of this card, read at each render on purpose: rendered again after its end
  // (a refetch, another visit), it is no longer upcoming. No React Compiler memoizes it here.
  // eslint-disable-next-line react-hooks/purity -- reading the time per render is intended (see above)
  const now = Date.now();
  const upcoming = (booking.status === "pending" || booking.status === "confirmed") && Date.parse(booking.end) > now;
  const headingId = `booking-${booking.id}`;
  // Over (done, missed, cancelled, lapsed or simply past): the same salon, service and stylist, a new time.
  const over = !(booking.status === "pending" || booking.status === "confirmed") || Date.parse(booking.end) <= now;
  const bookAgain =
    over && viewerId !== undefined && booking.customer.id === viewerId
      ? `/salons/${booking.salon.id}/book?${selectionToParams({
          serviceId: booking.service.id,
          staff: booking.staff.id,
          date: null,
          start: null,
        }).toString()}`
      : null;
  // Still ahead, but the customer can no longer cancel it here: say since when, and what to do.
  const cancellationEnded =
    (booking.status === "pending" || booking.status === "confirmed") &&
    !can("cancel") &&
    Date.parse(booking.start) > now &&
    Date.parse(booking.cancellation_deadline) <= now;

  return (
    <article className="booking-card" aria-labelledby={headingId}>
      <header className="booking-card__header">
        <h2 id={headingId} className="booking-card__title heading-3">
          {booking.service.name}
        </h2>
        <StatusBadge status={booking.status} />
      </header>
      <p className="booking-card__when">
        {formatDate(booking.start, language, zone, "full")}
        <span className="booking-card__time">{formatTimeRange(booking.start, booking.end, language, zone)}</span>
      </p>
      <p className="booking-card__where">
        {t("card.where", { salon: booking.salon.name, staff: booking.staff.display_name })}
      </p>
      {booking.items && booking.items.length > 1 && (
        <ol className="visit-services__list" aria-label={t("card.visitServices")}>
          {booking.items.map((item) => (
            <li key={item.position}>
              {item.service.name}
              <span className="summary__aside">
                {formatTimeRange(item.start, item.end, language, zone)} · {item.staff.display_name}
              </span>
            </li>
          ))}
        </ol>
      )}

      {can("pay") && booking.hold_expires_at && (
        <Countdown
          until={booking.hold_expires_at}
          render={(time) => t("card.payWithin", { time })}
          announcement={t("card.payBefore", { time: formatTime(booking.hold_expires_at, language, zone) })}
          expired={t("card.holdExpired")}
        />
      )}

      <dl className="booking-card__facts">
        <div>
          <dt>{t("card.reference")}</dt>
          <dd>
            <Reference>{booking.reference}</Reference>
          </dd>
        </div>
        <div>
          <dt>{t("card.payment")}</dt>
          <dd>{paymentLabel}</dd>
        </div>
      </dl>
      <PriceBreakdown price={booking.price} />

      {cancellationEnded && (
        <p className="booking-card__policy">
          {t("card.cancellationEnded", {
            date: formatDate(booking.cancellation_deadline, language, zone, "full"),
            time: formatTime(booking.cancellation_deadline, language, zone),
          })}
        </p>
      )}

      {booking.cancellation && (
        <p className="booking-card__cancellation">
          {booking.cancellation.reason ? (
            <>
              {t("card.cancelledBecause")} <bdi dir="auto">{booking.cancellation.reason}</bdi>
            </>
          ) : (
            t("card.cancelled")
          )}
        </p>
      )}

      <div className="actions">
        {can("pay") && (
          <Link className="button" to={`/bookings/${booking.id}/pay`}>
            {t("actions.pay")}
          </Link>
        )}
        {can("reschedule") && onReschedule && (
          <button type="button" className="button button--secondary" onClick={() => onReschedule(booking)}>
            {t("actions.reschedule")}
          </button>
        )}
        {can("review") && (
          <button type="button" className="button button--secondary" onClick={() => setDialog("review")}>
            {t("actions.review")}
          </button>
        )}
        {can("cancel") && (
          <button type="button" className="button button--ghost-danger" onClick={() => setDialog("cancel")}>
            {t("actions.cancel")}
          </button>
        )}
        {bookAgain && (
          <Link className="button button--secondary" to={bookAgain} aria-describedby={headingId}>
            {t("actions.bookAgain")}
          </Link>
        )}
        {upcoming && <AddToCalendarButton booking={booking} />}
        {booking.payment && PAID_ONLINE.has(booking.payment.status) && (
          <Link className="link" to={`/bookings/${booking.id}/invoice`} aria-describedby={headingId}>
            {t("actions.invoice")}
          </Link>
        )}
        {linkToDetails && (
          <Link className="link" to={`/bookings/${booking.id}`} aria-describedby={headingId}>
            {t("actions.details")}
          </Link>
        )}
      </div>

      {can("cancel") && (
        <CancelDialog booking={booking} actor="customer" open={dialog === "cancel"} onClose={() => setDialog(null)} />
      )}
      {can("review") && <ReviewDialog booking={booking} open={dialog === "review"} onClose={() => setDialog(null)} />}
    </article>
  );
}
