import "../backoffice.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Reference } from "@/components/Reference";
import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { formatTimeRange } from "@/lib/format/time";

import type { AffectedBooking, AffectedBookingsResolution, ManagedStaff } from "@/types/models";
import { staffName } from "../names";

interface AffectedBookingsProps {
  bookings: AffectedBooking[];
  /** The salon's, to show the bookings' times. */
  timeZone: string;
  /** Stylists the bookings may move to; without them the bookings can only be cancelled. */
  reassignTo?: ManagedStaff[];
  /** Ask for a reason to give the customers when cancelling. */
  withReason?: boolean;
  pending: boolean;
  /** A failure of the resolved request (other than another `bookings_affected`). */
  error?: unknown;
  onResolve: (resolution: AffectedBookingsResolution) => void;
  onBack: () => void;
}

type Choice = "reassign" | "cancel";

/** The bookings a change would leave without a stylist (a 409 `bookings_affected`) and their time. */
export function AffectedBookingList({ bookings, timeZone }: { bookings: AffectedBooking[]; timeZone: string }) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  return (
    <ul className="affected-list">
      {bookings.map((booking) => (
        <li key={booking.id} className="affected-list__item">
          <p className="affected-list__when">
            {t("affected.when", {
              date: formatDate(booking.start, language, timeZone, "short"),
              time: formatTimeRange(booking.start, booking.end, language, timeZone),
            })}
          </p>
          <p>
            {t("affected.booking", { service: booking.service_name, customer: booking.customer_first_name })}{" "}
            <Reference>{booking.reference}</Reference>
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * A change would leave bookings without a stylist: they are listed, the manager chooses to move them
 * to another stylist (when offered) or to cancel them (their customers are told), then confirms a
 * sentence that says exactly what will happen.
 */
export function AffectedBookings({
  bookings,
  timeZone,
  reassignTo = [],
  withReason = false,
  pending,
  error,
  onResolve,
  onBack,
}: AffectedBookingsProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const canReassign = reassignTo.length > 0;
  const [choice, setChoice] = useState<Choice>(canReassign ? "reassign" : "cancel");
  const [target, setTarget] = useState(String(reassignTo[0]?.id ?? ""));
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const groupId = useId();
  const count = bookings.length;
  const n = formatNumber(count, language);
  const chosen = reassignTo.find((member) => String(member.id) === target);
  const targetName = chosen ? staffName(chosen, language) : "";

  const proceed = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };

  const resolve = () =>
    onResolve(
      choice === "reassign"
        ? { reassign_to: Number(target) }
        : { cancel_affected: true, ...(withReason && reason.trim() ? { reason: reason.trim() } : {}) },
    );

  if (confirming) {
    return (
      <div className="stack">
        <Notice tone="warning" live>
          <p className="notice__title">
            {choice === "reassign"
              ? t("affected.willMove", { count, n, name: targetName })
              : t("affected.willCancel", { count, n })}
          </p>
        </Notice>
        {error ? (
          <Notice tone="error" live>
            <p>{errorMessage(error)}</p>
          </Notice>
        ) : null}
        <div className="actions">
          <button type="button" className="button button--danger" disabled={pending} onClick={resolve}>
            {pending
              ? t("form.saving")
              : choice === "reassign"
                ? t("affected.confirmMove", { count, n })
                : t("affected.confirmCancel", { count, n })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t("actions.back")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={proceed} noValidate>
      <Notice tone="warning" live>
        <p className="notice__title">{t("affected.intro", { count, n })}</p>
      </Notice>
      <AffectedBookingList bookings={bookings} timeZone={timeZone} />
      {canReassign ? (
        <fieldset className="checklist" aria-labelledby={groupId}>
          <legend id={groupId} className="field__label">
            {t("affected.question")}
          </legend>
          <label className="check">
            <input type="radio" name={groupId} checked={choice === "reassign"} onChange={() => setChoice("reassign")} />
            <span>{t("affected.reassign")}</span>
          </label>
          {choice === "reassign" && (
            <Field label={t("affected.reassignTo")}>
              <select className="input" value={target} onChange={(event) => setTarget(event.target.value)}>
                {reassignTo.map((member) => (
                  <option key={member.id} value={member.id}>
                    {staffName(member, language)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <label className="check">
            <input type="radio" name={groupId} checked={choice === "cancel"} onChange={() => setChoice("cancel")} />
            <span>{t("affected.cancel")}</span>
          </label>
        </fieldset>
      ) : (
        <p>{t("affected.cancelOnly")}</p>
      )}
      {withReason && choice === "cancel" && (
        <Field label={t("affected.reason")} hint={t("affected.reasonHint")}>
          <textarea
            className="input"
            rows={2}
            maxLength={500}
            dir="auto"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t("actions.continue")}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t("actions.keep")}
        </button>
      </div>
    </form>
  );
}
