import "../bookings.css";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useFormatDuration } from "@/hooks/use-format-duration";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import { formatTimeRange } from "@/lib/format/time";
import type { Booking, BookingPolicy, Money, SalonNoShowPolicy } from "@/types/models";

import { forgetFreeTimes, type TimeUnavailableCode, timeUnavailableCode } from "../api/booking-cache";
import { useCreateBooking } from "../api/create-booking";
import { PriceBreakdown } from "./PriceBreakdown";

const NOTE_MAX_LENGTH = 500;

export interface BookingDraft {
  salonName: string;
  timeZone: string;
  policy: BookingPolicy;
  /** The salon's no-show protection (a deposit or a card hold), told before booking. */
  noShowPolicy?: SalonNoShowPolicy;
  service: { id: number; name: string; durationMinutes: number; price: Money };
  /** null: any available stylist (the salon picks one). */
  staff: { id: number; name: string } | null;
  start: string;
  end: string;
  /** A visit of several services (ADR 0017): each one with its stylist (null: any) and time, in order. */
  items?: {
    id: number;
    name: string;
    durationMinutes: number;
    price: Money;
    staff: { id: number; name: string } | null;
    start: string;
    end: string;
  }[];
}

/** The visit's price: the sum of its services' (their VAT too). */
function totalPrice(draft: BookingDraft): Money {
  if (!draft.items) return draft.service.price;
  return {
    amount: draft.items.reduce((sum, item) => sum + item.price.amount, 0),
    currency: draft.service.price.currency,
    vat_amount: draft.items.reduce((sum, item) => sum + item.price.vat_amount, 0),
  };
}

interface BookingReviewProps {
  draft: BookingDraft;
  /** Something bought before that pays (part of) the price: a package session or a gift card's code. */
  redemption?: { package?: number; gift_card?: string };
  /** Where the customer chooses it (composed by the app), shown below the price. */
  redemptionPicker?: ReactNode;
  onBooked: (booking: Booking) => void;
  /**
   * The time cannot be booked any more (taken meanwhile, passed, too soon, off the salon's grid or
   * beyond its horizon): the flow goes back to fresh times, saying why.
   */
  onTimeUnavailable: (start: string, reason: TimeUnavailableCode) => void;
}

/** The review step: everything the customer is agreeing to, an optional note, and confirm. */
export function BookingReview({
  draft,
  redemption = {},
  redemptionPicker,
  onBooked,
  onTimeUnavailable,
}: BookingReviewProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const formatDuration = useFormatDuration();
  const errorMessage = useErrorMessage();
  const [note, setNote] = useState("");
  const createBooking = useCreateBooking();
  const queryClient = useQueryClient();
  const { policy, noShowPolicy } = draft;
  const paysOnline = policy.requires_prepayment || (noShowPolicy !== undefined && noShowPolicy.policy !== "none");

  // The free times cached for the picker still offer this start: drop them before going back.
  const backToFreshTimes = async (reason: TimeUnavailableCode) => {
    await forgetFreeTimes(queryClient);
    onTimeUnavailable(draft.start, reason);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createBooking.mutate(
      draft.items
        ? {
            items: draft.items.map((item) => ({ service: item.id, staff: item.staff?.id ?? null })),
            start: draft.start,
            note: note.trim(),
          }
        : {
            service: draft.service.id,
            staff: draft.staff?.id ?? null,
            start: draft.start,
            note: note.trim(),
            ...redemption,
          },
      {
        onSuccess: onBooked,
        onError: (error) => {
          const reason = timeUnavailableCode(error);
          if (reason) void backToFreshTimes(reason);
        },
      },
    );
  };

  const error = createBooking.error;
  const overlap = isApiError(error) && error.code === "customer_overlap";
  const hours = policy.cancellation_window_hours;

  return (
    <form className="booking-review" onSubmit={submit} noValidate>
      <dl className="summary">
        <div>
          <dt>{t("review.salon")}</dt>
          <dd>{draft.salonName}</dd>
        </div>
        {draft.items ? (
          <div>
            <dt>{t("review.services")}</dt>
            <dd>
              <ol className="visit-services__list">
                {draft.items.map((item, index) => (
                  <li key={`${item.id}-${index}`}>
                    {item.name}
                    <span className="summary__aside">
                      {formatTimeRange(item.start, item.end, language, draft.timeZone)} ·{" "}
                      {item.staff ? item.staff.name : t("review.anyStaff")} ·{" "}
                      {formatMoney(item.price.amount, item.price.currency, language)}
                    </span>
                  </li>
                ))}
              </ol>
              <span className="summary__aside">
                {t("review.totalDuration", {
                  duration: formatDuration(draft.items.reduce((sum, item) => sum + item.durationMinutes, 0)),
                })}
              </span>
            </dd>
          </div>
        ) : (
          <>
            <div>
              <dt>{t("review.service")}</dt>
              <dd>
                {draft.service.name}
                <span className="summary__aside">{formatDuration(draft.service.durationMinutes)}</span>
              </dd>
            </div>
            <div>
              <dt>{t("review.staff")}</dt>
              <dd>{draft.staff ? draft.staff.name : t("review.anyStaff")}</dd>
            </div>
          </>
        )}
        <div>
          <dt>{t("review.date")}</dt>
          <dd>{formatDate(draft.start, language, draft.timeZone, "full")}</dd>
        </div>
        <div>
          <dt>{t("review.time")}</dt>
          <dd>{formatTimeRange(draft.start, draft.end, language, draft.timeZone)}</dd>
        </div>
      </dl>

      <PriceBreakdown price={totalPrice(draft)} />
      {draft.items ? null : redemptionPicker}

      <section className="policy" aria-labelledby="policy-heading">
        <h2 id="policy-heading" className="heading-3">
          {t("review.policyTitle")}
        </h2>
        <p>
          {hours > 0
            ? t("policy.cancellation", { count: hours, n: formatNumber(hours, language) })
            : t("policy.cancellationUntilStart")}
        </p>
        {paysOnline && (
          <p>
            {t("policy.prepayment", { count: policy.hold_minutes, n: formatNumber(policy.hold_minutes, language) })}
          </p>
        )}
        {noShowPolicy?.text && <p className="policy__no-show">{noShowPolicy.text}</p>}
      </section>

      <Field label={t("review.note")} hint={t("review.noteHint")}>
        <textarea
          className="input"
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
          dir="auto"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Field>

      {error && !timeUnavailableCode(error) && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
          {overlap && (
            <Link className="link" to="/bookings">
              {t("review.seeMyBookings")}
            </Link>
          )}
        </Notice>
      )}

      <button type="submit" className="button button--block button--large" disabled={createBooking.isPending}>
        {createBooking.isPending
          ? t("review.booking")
          : paysOnline
            ? t("review.confirmAndPay")
            : t("review.confirm")}
      </button>
    </form>
  );
}
