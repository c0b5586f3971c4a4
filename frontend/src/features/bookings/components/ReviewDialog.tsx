import "../bookings.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import type { Booking } from "@/types/models";

import { useReviewBooking } from "../api/review-booking";

const RATINGS = [1, 2, 3, 4, 5] as const;

export function ReviewDialog({ booking, open, onClose }: { booking: Booking; open: boolean; onClose: () => void }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const review = useReviewBooking();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [ratingMissing, setRatingMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setRatingMissing(true);
      return;
    }
    review.mutate({ bookingId: booking.id, rating, comment: comment.trim() });
  };

  return (
    <Dialog open={open} title={t("reviewForm.title", { service: booking.service.name })} onClose={onClose}>
      {review.isSuccess ? (
        <div className="stack">
          <Notice tone="success" live title={t("reviewForm.thanks")} />
          <button type="button" className="button" onClick={onClose}>
            {t("reviewForm.done")}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <fieldset className="rating-input" aria-describedby={ratingMissing ? "rating-error" : undefined}>
            <legend className="field__label">{t("reviewForm.rating")}</legend>
            <div className="rating-input__stars">
              {RATINGS.map((value) => (
                <label key={value} className="rating-input__star">
                  <input
                    type="radio"
                    name="rating"
                    value={value}
                    checked={rating === value}
                    onChange={() => {
                      setRating(value);
                      setRatingMissing(false);
                    }}
                  />
                  <Icon name="star" size={28} filled={rating !== null && value <= rating} />
                  <span className="visually-hidden">
                    {t("reviewForm.stars", { count: value, n: formatNumber(value, language) })}
                  </span>
                </label>
              ))}
            </div>
            {ratingMissing && (
              <p className="field__error" id="rating-error" role="alert">
                {t("reviewForm.ratingRequired")}
              </p>
            )}
          </fieldset>
          <Field label={t("reviewForm.comment")}>
            <textarea
              className="input"
              rows={3}
              maxLength={2000}
              dir="auto"
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </Field>
          {review.isError && (
            <Notice tone="error" live>
              <p>{errorMessage(review.error)}</p>
            </Notice>
          )}
          <button type="submit" className="button" disabled={review.isPending}>
            {t("reviewForm.submit")}
          </button>
        </form>
      )}
    </Dialog>
  );
}
