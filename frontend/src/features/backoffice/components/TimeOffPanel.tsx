import "../backoffice.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { zonedDateTimeToIso } from "@/lib/calendar-date";
import { formatDateTime } from "@/lib/format/date";

import { useAddTimeOff } from "../api/add-time-off";
import { useDeleteTimeOff } from "../api/delete-time-off";
import { affectedBookings } from "../api/affected-bookings";
import { useTimeOff } from "../api/list-time-off";
import { type ClientErrors, hasErrors, serverFieldError } from "../forms";
import type { AffectedBooking, TimeOff, TimeOffInput } from "@/types/models";
import { AffectedBookings } from "./AffectedBookings";
import { ConfirmDialog } from "./ConfirmDialog";
import { useValidationMessages } from "../hooks/use-validation-messages";
import { FormErrorNotice } from "./FormErrorNotice";

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** A datetime-local value ("2026-11-22T10:00"), read on the salon's wall clock, as an instant. */
function toInstant(value: string, timeZone: string): string | null {
  const match = LOCAL_DATETIME.exec(value);
  return match ? zonedDateTimeToIso(match[1]!, match[2]!, timeZone) : null;
}

interface PanelProps {
  salonId: number;
  staffId: number;
  stylistName: string;
  timeZone: string;
}

function AddTimeOffForm({ salonId, staffId, timeZone }: Omit<PanelProps, "stylistName">) {
  const { t } = useTranslation("backoffice");
  const messages = useValidationMessages();
  const add = useAddTimeOff(salonId, staffId);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<ClientErrors>({});
  const [affected, setAffected] = useState<{ bookings: AffectedBooking[]; input: TimeOffInput } | null>(null);
  const error = (field: string) => errors[field] ?? serverFieldError(add.error, field);

  const send = (input: TimeOffInput) =>
    add.mutate(input, {
      onSuccess: () => {
        setAffected(null);
        setStart("");
        setEnd("");
        setReason("");
      },
      onError: (failure) => {
        const bookings = affectedBookings(failure);
        setAffected(bookings ? { bookings, input } : null);
      },
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: ClientErrors = {};
    const from = toInstant(start, timeZone);
    const until = toInstant(end, timeZone);
    if (!from) found.start = t("validation.required");
    if (!until) found.end = t("validation.required");
    else if (from && Date.parse(until) <= Date.parse(from)) found.end = t("timeOff.endAfterStart");
    if (reason.trim().length > 200) found.reason = messages.tooLong(200);
    setErrors(found);
    if (hasErrors(found) || !from || !until) return;
    send({ start: from, end: until, reason: reason.trim() });
  };

  return (
    <>
      <form className="stack card" onSubmit={submit} noValidate aria-labelledby="time-off-add-title">
        <h3 id="time-off-add-title">{t("timeOff.add")}</h3>
        <div className="field-row">
          <Field label={t("timeOff.start")} error={error("start")}>
            <input className="input" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          <Field label={t("timeOff.end")} error={error("end")}>
            <input className="input" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
          </Field>
        </div>
        <Field label={t("timeOff.reason")} hint={t("timeOff.reasonHint")} error={error("reason")}>
          <input
            className="input"
            dir="auto"
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        {!affected && <FormErrorNotice error={add.error} fields={["start", "end", "reason"]} />}
        {add.isSuccess && <Notice tone="success" live title={t("timeOff.added")} />}
        <button type="submit" className="button manage-form__submit" disabled={add.isPending}>
          {add.isPending ? t("form.saving") : t("timeOff.addSubmit")}
        </button>
      </form>
      <Dialog open={affected !== null} title={t("timeOff.affectedTitle")} onClose={() => setAffected(null)}>
        {affected && (
          <AffectedBookings
            key={affected.bookings.map((booking) => booking.id).join()}
            bookings={affected.bookings}
            timeZone={timeZone}
            pending={add.isPending}
            error={add.isError && !affectedBookings(add.error) ? add.error : null}
            withReason
            onResolve={({ reason: cancelReason }) =>
              // The time off's own `reason` stays the team's; customers get `cancel_reason`.
              send({
                ...affected.input,
                cancel_affected: true,
                ...(cancelReason ? { cancel_reason: cancelReason } : {}),
              })
            }
            onBack={() => setAffected(null)}
          />
        )}
      </Dialog>
    </>
  );
}

/** A stylist's time away (holidays, appointments): listed, added, removed. */
export function TimeOffPanel({ salonId, staffId, stylistName, timeZone }: PanelProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const timeOff = useTimeOff(salonId, staffId);
  const remove = useDeleteTimeOff(salonId, staffId);
  const [removing, setRemoving] = useState<TimeOff | null>(null);
  const range = (entry: TimeOff) =>
    t("timeOff.range", {
      start: formatDateTime(entry.start, language, timeZone),
      end: formatDateTime(entry.end, language, timeZone),
    });

  return (
    <section className="stack" aria-labelledby="time-off-title">
      <h2 id="time-off-title">{t("timeOff.title")}</h2>
      {timeOff.isPending ? (
        <LoadingState />
      ) : timeOff.isError ? (
        <ErrorState error={timeOff.error} onRetry={() => void timeOff.refetch()} />
      ) : timeOff.data.length === 0 ? (
        <EmptyState icon="calendar" title={t("timeOff.empty")} />
      ) : (
        <ul className="manage-list">
          {timeOff.data.map((entry) => (
            <li key={entry.id} className="card manage-item">
              <div className="manage-item__main">
                <p className="manage-item__title">{range(entry)}</p>
                {entry.source === "google" ? (
                  <p className="manage-item__meta">{t("timeOff.fromGoogle")}</p>
                ) : (
                  entry.reason && (
                    <p className="manage-item__meta" dir="auto">
                      {entry.reason}
                    </p>
                  )
                )}
              </div>
              {entry.source !== "google" && (
                <button
                  type="button"
                  className="button button--ghost-danger button--small"
                  onClick={() => {
                    remove.reset();
                    setRemoving(entry);
                  }}
                >
                  <Icon name="trash" size={18} />
                  {t("actions.delete")}
                  <span className="visually-hidden"> {range(entry)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddTimeOffForm salonId={salonId} staffId={staffId} timeZone={timeZone} />
      <ConfirmDialog
        open={removing !== null}
        title={t("timeOff.deleteTitle")}
        confirmLabel={t("timeOff.deleteConfirm")}
        pendingLabel={t("form.deleting")}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      >
        {removing && <p className="notice__title">{range(removing)}</p>}
        <p>{t("timeOff.deleteText", { name: stylistName })}</p>
      </ConfirmDialog>
    </section>
  );
}
