import "../backoffice.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { isIsoDate } from "@/lib/calendar-date";
import { formatCalendarDate } from "@/lib/format/date";
import { formatClockTime } from "@/lib/format/time";

import { useAddSpecialHours } from "../api/add-special-hours";
import { useDeleteSpecialHours } from "../api/delete-special-hours";
import { affectedBookings } from "../api/affected-bookings";
import { useSpecialHours } from "../api/list-special-hours";
import { type ClientErrors, hasErrors, serverFieldError } from "../forms";
import { isOvernight } from "../hours";
import type { AffectedBooking, SpecialHours, SpecialHoursInput } from "@/types/models";
import { AffectedBookings } from "./AffectedBookings";
import { ConfirmDialog } from "./ConfirmDialog";
import { FormErrorNotice } from "./FormErrorNotice";

interface PanelProps {
  salonId: number;
  staffId: number;
  stylistName: string;
  timeZone: string;
}

function AddSpecialDayForm({ salonId, staffId, timeZone }: Omit<PanelProps, "stylistName">) {
  const { t } = useTranslation("backoffice");
  const add = useAddSpecialHours(salonId, staffId);
  const kindId = useId();
  const [date, setDate] = useState("");
  const [dayOff, setDayOff] = useState(true);
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [errors, setErrors] = useState<ClientErrors>({});
  const [affected, setAffected] = useState<{ bookings: AffectedBooking[]; input: SpecialHoursInput } | null>(null);
  const error = (field: string) => errors[field] ?? serverFieldError(add.error, field);

  const send = (input: SpecialHoursInput) =>
    add.mutate(input, {
      onSuccess: () => {
        setAffected(null);
        setDate("");
        setStart("");
        setEnd("");
      },
      onError: (failure) => {
        const bookings = affectedBookings(failure);
        setAffected(bookings ? { bookings, input } : null);
      },
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: ClientErrors = {};
    if (!isIsoDate(date)) found.date = t("validation.required");
    if (!dayOff) {
      if (!start) found.start = t("validation.required");
      if (!end) found.end = t("validation.required");
      else if (start === end) found.end = t("hours.sameTime");
    }
    setErrors(found);
    if (hasErrors(found)) return;
    send(dayOff ? { date, start: null, end: null } : { date, start, end });
  };

  return (
    <>
      <form className="stack card" onSubmit={submit} noValidate aria-labelledby="special-add-title">
        <h3 id="special-add-title">{t("special.add")}</h3>
        <Field label={t("special.date")} error={error("date")}>
          <input className="input" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <fieldset className="segmented">
          <legend className="field__label">{t("special.kind")}</legend>
          <label className="segmented__option">
            <input type="radio" name={kindId} checked={dayOff} onChange={() => setDayOff(true)} />
            <span>{t("special.dayOff")}</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name={kindId} checked={!dayOff} onChange={() => setDayOff(false)} />
            <span>{t("special.otherHours")}</span>
          </label>
        </fieldset>
        {!dayOff && (
          <div className="field-row">
            <Field label={t("hours.from")} error={error("start")}>
              <input className="input" type="time" value={start} onChange={(event) => setStart(event.target.value)} />
            </Field>
            <Field
              label={t("hours.until")}
              hint={isOvernight({ start, end }) ? t("special.overnight") : undefined}
              error={error("end")}
            >
              <input className="input" type="time" value={end} onChange={(event) => setEnd(event.target.value)} />
            </Field>
          </div>
        )}
        {!affected && <FormErrorNotice error={add.error} fields={["date", "start", "end"]} />}
        {add.isSuccess && <Notice tone="success" live title={t("special.added")} />}
        <button type="submit" className="button manage-form__submit" disabled={add.isPending}>
          {add.isPending ? t("form.saving") : t("special.addSubmit")}
        </button>
      </form>
      <Dialog open={affected !== null} title={t("special.affectedTitle")} onClose={() => setAffected(null)}>
        {affected && (
          <AffectedBookings
            key={affected.bookings.map((booking) => booking.id).join()}
            bookings={affected.bookings}
            timeZone={timeZone}
            pending={add.isPending}
            error={add.isError && !affectedBookings(add.error) ? add.error : null}
            withReason
            onResolve={(resolution) => send({ ...affected.input, ...resolution })}
            onBack={() => setAffected(null)}
          />
        )}
      </Dialog>
    </>
  );
}

/** Dates with their own hours (Eid, Ramadan, national day) or off, replacing the weekday's hours. */
export function SpecialDaysPanel({ salonId, staffId, stylistName, timeZone }: PanelProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const days = useSpecialHours(salonId, staffId);
  const remove = useDeleteSpecialHours(salonId, staffId);
  const [removing, setRemoving] = useState<SpecialHours | null>(null);

  const hoursOf = (day: SpecialHours) =>
    day.start && day.end
      ? t(isOvernight({ start: day.start, end: day.end }) ? "special.hoursOvernight" : "special.hours", {
          start: formatClockTime(day.start, language),
          end: formatClockTime(day.end, language),
        })
      : t("special.dayOff");
  const dateOf = (day: SpecialHours) => formatCalendarDate(day.date, language, "full");

  return (
    <section className="stack" aria-labelledby="special-title">
      <h2 id="special-title">{t("special.title")}</h2>
      <p className="muted">{t("special.explanation")}</p>
      {days.isPending ? (
        <LoadingState />
      ) : days.isError ? (
        <ErrorState error={days.error} onRetry={() => void days.refetch()} />
      ) : days.data.length === 0 ? (
        <EmptyState icon="calendar" title={t("special.empty")} />
      ) : (
        <ul className="manage-list">
          {days.data.map((day) => (
            <li key={day.id} className="card manage-item">
              <div className="manage-item__main">
                <p className="manage-item__title">{dateOf(day)}</p>
                <p className="manage-item__meta">{hoursOf(day)}</p>
              </div>
              <button
                type="button"
                className="button button--ghost-danger button--small"
                onClick={() => {
                  remove.reset();
                  setRemoving(day);
                }}
              >
                <Icon name="trash" size={18} />
                {t("actions.delete")}
                <span className="visually-hidden"> {dateOf(day)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddSpecialDayForm salonId={salonId} staffId={staffId} timeZone={timeZone} />
      <ConfirmDialog
        open={removing !== null}
        title={t("special.deleteTitle")}
        confirmLabel={t("special.deleteConfirm")}
        pendingLabel={t("form.deleting")}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      >
        {removing && (
          <p className="notice__title">
            {dateOf(removing)}: {hoursOf(removing)}
          </p>
        )}
        <p>{t("special.deleteText", { name: stylistName })}</p>
      </ConfirmDialog>
    </section>
  );
}
