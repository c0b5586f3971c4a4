import "../bookings.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTime } from "@/lib/format/time";
import type { Booking } from "@/types/models";

import { useCancelBooking } from "../api/cancel-booking";

export type BookingActor = "customer" | "salon";

const PAID_STATUSES = new Set(["paid", "captured", "authorized"]);

interface CancelDialogProps {
  booking: Booking;
  actor: BookingActor;
  open: boolean;
  onClose: () => void;
}

/** Explains the policy before cancelling; the salon must give a reason. */
export function CancelDialog({ booking, actor, open, onClose }: CancelDialogProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const cancel = useCancelBooking();
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const zone = booking.salon.timezone;
  const paid = booking.payment && PAID_STATUSES.has(booking.payment.status) ? booking.payment : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (actor === "salon" && !reason.trim()) {
      setReasonMissing(true);
      return;
    }
    cancel.mutate({ bookingId: booking.id, reason: reason.trim() }, { onSuccess: onClose });
  };

  return (
    <Dialog open={open} title={t("cancel.title")} onClose={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        {actor === "customer" ? (
          <>
            <p>
              {t("cancel.deadline", {
                date: formatDate(booking.cancellation_deadline, language, zone, "full"),
                time: formatTime(booking.cancellation_deadline, language, zone),
              })}
            </p>
            {paid && (
              <p>
                {t("cancel.refund", {
                  amount: formatMoney(paid.amount - paid.refunded_amount, paid.currency, language),
                })}
              </p>
            )}
          </>
        ) : (
          <p>{t("cancel.salonExplanation")}</p>
        )}
        <Field
          label={actor === "salon" ? t("cancel.reason") : t("cancel.reasonOptional")}
          error={reasonMissing ? t("cancel.reasonRequired") : null}
        >
          <textarea
            className="input"
            rows={2}
            maxLength={500}
            dir="auto"
            value={reason}
            required={actor === "salon"}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonMissing(false);
            }}
          />
        </Field>
        {cancel.isError && (
          <Notice tone="error" live>
            <p>{errorMessage(cancel.error)}</p>
          </Notice>
        )}
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={cancel.isPending}>
            {cancel.isPending ? t("cancel.cancelling") : t("cancel.confirm")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("cancel.keep")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
