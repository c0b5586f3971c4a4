import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { Notice } from "@/components/Notice";
import { useMe } from "@/features/accounts/api/get-me";
import { useBooking } from "@/features/bookings/api/get-booking";
import { BookingCard } from "@/features/bookings/components/BookingCard";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api-client";
import { parseId } from "@/lib/route-params";

import { RescheduleDialog } from "../compositions/RescheduleDialog";

export function Component() {
  const { t } = useTranslation("bookings");
  const bookingId = parseId(useParams().bookingId);
  const booking = useBooking(bookingId ?? 0);
  const me = useMe();
  const location = useLocation();
  const justBooked = Boolean((location.state as { justBooked?: boolean } | null)?.justBooked);
  const [rescheduling, setRescheduling] = useState(false);
  useDocumentTitle(booking.data ? booking.data.reference : t("detail.title"));

  if (bookingId === null || (isApiError(booking.error) && booking.error.status === 404)) return <NotFound />;
  if (booking.isPending) return <LoadingState />;
  if (booking.isError) return <ErrorState error={booking.error} onRetry={() => void booking.refetch()} />;

  return (
    <div className="stack narrow">
      <Link className="link" to="/bookings">
        <Icon name="back" size={16} />
        {t("list.title")}
      </Link>
      <h1>{t("detail.title")}</h1>
      {justBooked && booking.data.status === "confirmed" && (
        <Notice tone="success" live title={t("detail.bookedTitle")}>
          <p>{t("detail.bookedText")}</p>
        </Notice>
      )}
      {/* A salon that confirms bookings itself: pending without a payment hold. */}
      {justBooked && booking.data.status === "pending" && !booking.data.hold_expires_at && (
        <Notice tone="success" live title={t("detail.requestSentTitle")}>
          <p>{t("detail.requestSentText")}</p>
        </Notice>
      )}
      <BookingCard booking={booking.data} onReschedule={() => setRescheduling(true)} viewerId={me.data?.id} />
      {rescheduling && <RescheduleDialog booking={booking.data} onClose={() => setRescheduling(false)} />}
    </div>
  );
}
