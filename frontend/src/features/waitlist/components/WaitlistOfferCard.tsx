import "../waitlist.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Countdown } from "@/components/Countdown";
import { Notice } from "@/components/Notice";
import { Reference } from "@/components/Reference";
import { useErrorMessage } from "@/components/error-message";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";
import type { WaitlistOffer } from "@/types/models";

import { useAnswerWaitlistOffer } from "../api/offer";

interface WaitlistOfferCardProps {
  offer: WaitlistOffer;
  /** Taken at a salon that requires prepayment: the booking is paid for as any other. */
  onPay: (bookingId: number) => void;
  onBooked: (bookingId: number) => void;
  onExpire: () => void;
}

/** A time the waitlist holds for the customer: when, until when, "Book this time" and "No thanks". */
export function WaitlistOfferCard({ offer, onPay, onBooked, onExpire }: WaitlistOfferCardProps) {
  const { t } = useTranslation("waitlist");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const answer = useAnswerWaitlistOffer();
  const [holdOver, setHoldOver] = useState(false);
  const zone = offer.timezone;
  const open = offer.outcome === "open" && !holdOver;

  const take = () =>
    answer.mutate(
      { bookingId: offer.booking, answer: "accept" },
      {
        onSuccess: (answered) => {
          if (answered.outcome === "booked") onBooked(answered.booking);
          else if (answered.requires_payment) onPay(answered.booking);
        },
      },
    );

  return (
    <div className="stack">
      <section className="card stack" aria-label={t("offer.summary")}>
        <p className="pay-summary__service">
          {offer.service.name} · {offer.salon.name}
        </p>
        <p>
          <bdi>{formatDate(offer.start, language, zone, "full")}</bdi> ·{" "}
          <bdi>{formatTime(offer.start, language, zone)}</bdi>
        </p>
        <p>{t("offer.with", { stylist: offer.staff.display_name })}</p>
        <p>
          {t("offer.reference")}: <Reference>{offer.reference}</Reference>
        </p>
      </section>

      {open ? (
        <>
          <Countdown
            until={offer.expires_at}
            render={(time) => t("offer.hold", { time })}
            announcement={t("offer.holdUntil", { time: formatTime(offer.expires_at, language, zone) })}
            expired={t("offer.holdExpired")}
            onExpire={() => {
              setHoldOver(true);
              onExpire();
            }}
          />
          {offer.requires_payment && <p>{t("offer.paymentNeeded")}</p>}
          {answer.isError && (
            <Notice tone="error" live>
              {errorMessage(answer.error)}
            </Notice>
          )}
          <div className="actions">
            <button type="button" className="button" disabled={answer.isPending} onClick={take}>
              {t("offer.book")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ bookingId: offer.booking, answer: "decline" })}
            >
              {t("offer.decline")}
            </button>
          </div>
        </>
      ) : (
        <Notice tone={offer.outcome === "booked" ? "success" : "info"} live>
          {t(`offer.closed.${holdOver && offer.outcome === "open" ? "lapsed" : offer.outcome}`)}{" "}
          {offer.outcome === "booked" ? (
            <Link to={`/bookings/${offer.booking}`}>{t("offer.seeBooking")}</Link>
          ) : (
            <Link to="/bookings">{t("offer.backToMine")}</Link>
          )}
        </Notice>
      )}
    </div>
  );
}
