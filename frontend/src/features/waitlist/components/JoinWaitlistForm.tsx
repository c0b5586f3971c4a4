import "../waitlist.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useErrorMessage } from "@/components/error-message";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import type { IsoDate } from "@/lib/calendar-date";
import { formatNumber } from "@/lib/format/number";
import type { WaitlistEntry } from "@/types/models";

import { useJoinWaitlist } from "../api/join-waitlist";

interface JoinWaitlistFormProps {
  salonId: number;
  serviceId: number;
  /** null: any stylist. */
  staffId: number | null;
  /** The day with no free time, the window's first and last day to begin with. */
  date: IsoDate;
  signedIn: boolean;
  /** Where signing in comes back to. */
  returnTo: string;
}

/** "Join the waitlist" on a day with no free time: a small form prefilled with that day, editable. */
export function JoinWaitlistForm({ salonId, serviceId, staffId, date, signedIn, returnTo }: JoinWaitlistFormProps) {
  const { t } = useTranslation("waitlist");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const join = useJoinWaitlist();
  const [open, setOpen] = useState(false);
  const [dateFrom, setDateFrom] = useState<string>(date);
  const [dateTo, setDateTo] = useState<string>(date);
  const [timeFrom, setTimeFrom] = useState("");
  const [timeTo, setTimeTo] = useState("");
  const [joined, setJoined] = useState<WaitlistEntry | null>(null);

  if (joined) {
    return (
      <Notice tone="success">
        {t("join.done", { position: formatNumber(joined.position ?? 1, language) })}{" "}
        <Link to="/bookings">{t("join.seeMine")}</Link>
      </Notice>
    );
  }
  if (!signedIn) {
    return (
      <p className="waitlist-join">
        <Link className="button button--secondary" to={`/sign-in?next=${encodeURIComponent(returnTo)}`}>
          {t("join.button")}
        </Link>
      </p>
    );
  }
  if (!open) {
    return (
      <p className="waitlist-join">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t("join.button")}
        </button>
      </p>
    );
  }

  const fieldErrors = isApiError(join.error) ? join.error.fieldErrors : {};
  const fieldError = (name: string) => fieldErrors[name]?.[0] ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    join.mutate(
      {
        salon: salonId,
        service: serviceId,
        staff: staffId,
        date_from: dateFrom,
        date_to: dateTo,
        ...(timeFrom && timeTo ? { time_from: timeFrom, time_to: timeTo } : {}),
      },
      { onSuccess: setJoined },
    );
  };

  return (
    <form className="card stack waitlist-join" onSubmit={submit} aria-labelledby="waitlist-join-title" noValidate>
      <h2 id="waitlist-join-title" className="heading-3">
        {t("join.title")}
      </h2>
      <p>{t("join.hint")}</p>
      <div className="waitlist-join__row">
        <Field label={t("join.dateFrom")} error={fieldError("date_from")}>
          <input className="input" type="date" value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} />
        </Field>
        <Field label={t("join.dateTo")} error={fieldError("date_to")}>
          <input className="input" type="date" value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
        </Field>
      </div>
      <div className="waitlist-join__row">
        <Field label={t("join.timeFrom")} hint={t("join.timeHint")} error={fieldError("time_from")}>
          <input className="input" type="time" value={timeFrom} onChange={(e) => setTimeFrom(e.target.value)} />
        </Field>
        <Field label={t("join.timeTo")} error={fieldError("time_to")}>
          <input className="input" type="time" value={timeTo} onChange={(e) => setTimeTo(e.target.value)} />
        </Field>
      </div>
      {join.isError && Object.keys(fieldErrors).length === 0 && (
        <Notice tone="error">{errorMessage(join.error)}</Notice>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={join.isPending}>
          {t("join.submit")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t("join.cancel")}
        </button>
      </div>
    </form>
  );
}
