import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";

import { Countdown } from "@/components/Countdown";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { Notice } from "@/components/Notice";
import { Reference } from "@/components/Reference";
import { useBooking } from "@/features/bookings/api/get-booking";
import { PriceBreakdown } from "@/features/bookings/components/PriceBreakdown";
import { selectionToParams } from "@/features/bookings/flow/state";
import { PaymentPanel } from "@/features/payments/components/PaymentPanel";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTime } from "@/lib/format/time";
import { parseId } from "@/lib/route-params";

export function Component() {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const navigate = useNavigate();
  const bookingId = parseId(useParams().bookingId);
  const booking = useBooking(bookingId ?? 0);
  // The hold ran out (countdown at zero, or the API said so), maybe before the booking says so.
  const [holdOver, setHoldOver] = useState(false);
  useDocumentTitle(t("title"));

  const endHold = () => {
    setHoldOver(true);
    void booking.refetch();
  };

  if (bookingId === null || (isApiError(booking.error) && booking.error.status === 404)) return <NotFound />;
  if (booking.isPending) return <LoadingState />;
  if (booking.isError) return <ErrorState error={booking.error} onRetry={() => void booking.refetch()} />;

  const data = booking.data;
  const zone = data.salon.timezone;
  const expired = data.status === "expired" || (holdOver && data.status === "pending");
  const payable = data.allowed_actions.includes("pay") && !expired;
  // The same salon, service and stylist, to choose a time again.
  // A deposit or a card hold is paid (or authorized) online instead of the price (ADR 0016).
  const noShow = data.no_show_policy;
  const onlineAmount = noShow.online_amount > 0 ? noShow.online_amount : data.price.amount;
  const bookAgain = `/salons/${data.salon.id}/book?${selectionToParams({
    serviceId: data.service.id,
    staff: data.staff.id,
    date: null,
    start: null,
  }).toString()}`;

  return (
    <div className="stack narrow">
      <h1>{t("title")}</h1>
      <section className="card stack" aria-label={t("summary")}>
        <p className="pay-summary__service">
          {data.service.name} · {data.salon.name}
        </p>
        <p>
          <bdi>{formatDate(data.start, language, zone, "full")}</bdi> ·{" "}
          <bdi>{formatTime(data.start, language, zone)}</bdi>
        </p>
        <p>
          {t("reference")}: <Reference>{data.reference}</Reference>
        </p>
        <PriceBreakdown price={data.price} />
        {noShow.policy === "deposit" && (
          <p className="pay-summary__deposit">
            {t("deposit", {
              amount: formatMoney(noShow.online_amount, data.price.currency, language),
              rest: formatMoney(noShow.pay_at_salon, data.price.currency, language),
            })}
          </p>
        )}
        {noShow.policy === "card_hold" && (
          <p className="pay-summary__deposit">
            {t("cardHold", { amount: formatMoney(noShow.online_amount, data.price.currency, language) })}
          </p>
        )}
        {noShow.text && <p>{noShow.text}</p>}
      </section>

      {payable ? (
        <>
          {data.hold_expires_at && (
            <Countdown
              until={data.hold_expires_at}
              render={(time) => t("hold", { time })}
              announcement={t("holdUntil", { time: formatTime(data.hold_expires_at, language, zone) })}
              expired={t("holdExpired")}
              onExpire={endHold}
            />
          )}
          <PaymentPanel
            booking={{ id: data.id, amount: onlineAmount, currency: data.price.currency, label: data.salon.name }}
            onSettled={(paymentId) => void navigate(`/payments/return?id=${encodeURIComponent(paymentId)}`)}
            onHoldExpired={endHold}
          />
        </>
      ) : expired ? (
        <Notice tone="error" live title={t("holdOver.title")}>
          <p>{t("holdOver.text")}</p>
          <Link className="button" to={bookAgain}>
            {t("holdOver.bookAgain")}
          </Link>
        </Notice>
      ) : (
        <Notice
          tone={data.status === "confirmed" ? "success" : "info"}
          title={t(data.status === "confirmed" ? "alreadyPaid" : "notPayable")}
        >
          <Link className="link" to={`/bookings/${data.id}`}>
            {t("return.viewBooking")}
          </Link>
        </Notice>
      )}
    </div>
  );
}
