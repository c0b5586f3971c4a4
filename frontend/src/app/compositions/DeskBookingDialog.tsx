import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { Reference } from "@/components/Reference";
import { useBooking } from "@/features/bookings/api/get-booking";
import { StatusLabel } from "@/features/desk/components/StatusLabel";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTimeRange } from "@/lib/format/time";
import { formatPhoneForDisplay } from "@/lib/phone";
import type { Booking } from "@/types/models";

import { DeskBookingActions } from "./DeskBookingActions";
import { MoveBookingForm } from "./MoveBookingForm";

function PaymentText({ booking }: { booking: Booking }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const { payment } = booking;
  if (payment)
    return (
      <>
        {t(`payment.status.${payment.status}`)} · {formatMoney(payment.amount, payment.currency, language)}
      </>
    );
  return <>{booking.hold_expires_at ? t("payment.awaiting") : t("payment.atSalon")}</>;
}

function BookingFacts({ booking }: { booking: Booking }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const zone = booking.salon.timezone;
  return (
    <dl className="desk-facts">
      <div>
        <dt>{t("booking.when")}</dt>
        <dd>
          {formatDate(booking.start, language, zone, "full")} ·{" "}
          <bdi>{formatTimeRange(booking.start, booking.end, language, zone)}</bdi>
        </dd>
      </div>
      <div>
        <dt>{t("booking.customer")}</dt>
        <dd>
          {booking.customer.first_name || t("calendar.customer")}
          {booking.customer.phone_number && (
            <>
              {" · "}
              <a className="link" href={`tel:${booking.customer.phone_number}`}>
                <bdi dir="ltr">{formatPhoneForDisplay(booking.customer.phone_number)}</bdi>
              </a>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t("booking.service")}</dt>
        <dd>{booking.service.name}</dd>
      </div>
      <div>
        <dt>{t("booking.stylist")}</dt>
        <dd>{booking.staff.display_name}</dd>
      </div>
      <div>
        <dt>{t("booking.status")}</dt>
        <dd>
          <StatusLabel status={booking.status} />
        </dd>
      </div>
      <div>
        <dt>{t("booking.payment")}</dt>
        <dd>
          <PaymentText booking={booking} />
        </dd>
      </div>
      <div>
        <dt>{t("booking.reference")}</dt>
        <dd>
          <Reference>{booking.reference}</Reference>
        </dd>
      </div>
      {booking.note && (
        <div>
          <dt>{t("booking.note")}</dt>
          <dd>
            <bdi dir="auto">{booking.note}</bdi>
          </dd>
        </div>
      )}
      {booking.cancellation && (
        <div>
          <dt>{t("booking.cancelReason")}</dt>
          <dd>
            <bdi dir="auto">{booking.cancellation.reason || "—"}</bdi>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A booking tapped on the desk: everything about it, what can be done now, and moving it. */
export function DeskBookingDialog({ bookingId, onClose }: { bookingId: number; onClose: () => void }) {
  const { t } = useTranslation("desk");
  const booking = useBooking(bookingId);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState(false);

  return (
    <Dialog open title={moving ? t("booking.moveTitle") : t("booking.title")} onClose={onClose}>
      {booking.isPending ? (
        <LoadingState />
      ) : booking.isError ? (
        <ErrorState error={booking.error} onRetry={() => void booking.refetch()} />
      ) : moving ? (
        <MoveBookingForm
          booking={booking.data}
          onDone={() => {
            setMoving(false);
            setMoved(true);
          }}
          onBack={() => setMoving(false)}
        />
      ) : (
        <div className="stack">
          {moved && <Notice tone="success" live title={t("booking.moved")} />}
          <BookingFacts booking={booking.data} />
          <DeskBookingActions
            booking={booking.data}
            onMove={() => {
              setMoved(false);
              setMoving(true);
            }}
          />
        </div>
      )}
    </Dialog>
  );
}
