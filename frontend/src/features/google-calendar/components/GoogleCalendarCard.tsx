import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { DEFAULT_TIME_ZONE } from "@/lib/calendar-date";
import { formatDateTime } from "@/lib/format/date";

import { useChooseGoogleCalendar } from "../api/choose-calendar";
import { useConnectGoogleCalendar } from "../api/connect";
import { useDisconnectGoogleCalendar } from "../api/disconnect";
import { useGoogleCalendarStatus } from "../api/get-status";
import { useGoogleCalendars } from "../api/list-calendars";
import type { ReturnOutcome } from "../return-outcome";
import { ConflictList } from "./ConflictList";

interface CardProps {
  /** A manager's stylist; null: the signed-in stylist's own calendar. */
  staffId: number | null;
  /** The SPA path Google sends the browser back to (with `?google_calendar=connected|error`). */
  returnPath: string;
  /** What the return from Google said, when the page was opened by it. */
  outcome?: ReturnOutcome;
  timeZone?: string;
  /** Where the browser goes for consent (tests replace it). */
  navigate?: (url: string) => void;
  /** A manager's view: also list busy events that overlap bookings. */
  showConflicts?: boolean;
}

function CalendarPicker({ staffId }: { staffId: number | null }) {
  const { t } = useTranslation("googleCalendar");
  const calendars = useGoogleCalendars(staffId, { enabled: true });
  const choose = useChooseGoogleCalendar(staffId);
  const errorMessage = useErrorMessage();
  const [picked, setPicked] = useState("");

  if (calendars.isPending) return <LoadingState />;
  if (calendars.isError) return <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;
  const value = picked || calendars.data.find((calendar) => calendar.primary)?.id || calendars.data[0]?.id || "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) choose.mutate(value);
  };
  return (
    <form className="stack" onSubmit={submit}>
      <Field label={t("calendar")} hint={t("calendarHint")}>
        <select className="input" value={value} onChange={(event) => setPicked(event.target.value)}>
          {calendars.data.map((calendar) => (
            <option key={calendar.id} value={calendar.id}>
              {calendar.summary || calendar.id}
            </option>
          ))}
        </select>
      </Field>
      {choose.isError && <Notice tone="error" live title={errorMessage(choose.error)} />}
      <button type="submit" className="button" disabled={!value || choose.isPending}>
        {choose.isPending ? t("saving") : t("useCalendar")}
      </button>
    </form>
  );
}

/** A stylist's Google Calendar: connect, pick the calendar, see the last sync and errors, disconnect. */
export function GoogleCalendarCard({
  staffId,
  returnPath,
  outcome = null,
  timeZone,
  navigate,
  showConflicts = false,
}: CardProps) {
  const { t } = useTranslation("googleCalendar");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const status = useGoogleCalendarStatus(staffId);
  const connect = useConnectGoogleCalendar(navigate);
  const disconnect = useDisconnectGoogleCalendar(staffId);
  const zone = timeZone ?? DEFAULT_TIME_ZONE;

  const body = () => {
    if (status.isPending) return <LoadingState />;
    if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
    const state = status.data;
    const connected = state.status === "connected";
    return (
      <>
        {outcome === "connected" && <Notice tone="success" live title={t("returnedConnected")} />}
        {outcome === "error" && <Notice tone="error" live title={t("returnedError")} />}
        {!connected && (
          <>
            <p>{t("explanation")}</p>
            {state.status === "disconnected" && state.last_error && <Notice tone="warning" title={t("lost")} />}
            {connect.isError && <Notice tone="error" live title={errorMessage(connect.error)} />}
            <button
              type="button"
              className="button"
              disabled={connect.isPending}
              onClick={() => connect.mutate({ staffId, returnPath })}
            >
              {connect.isPending ? t("connecting") : t("connect")}
            </button>
          </>
        )}
        {connected && !state.calendar_id && <CalendarPicker staffId={staffId} />}
        {connected && state.calendar_id && (
          <dl className="google-calendar__facts">
            <dt>{t("calendar")}</dt>
            <dd dir="auto">{state.calendar_name || state.calendar_id}</dd>
            <dt>{t("lastSync")}</dt>
            <dd>{state.last_synced_at ? formatDateTime(state.last_synced_at, language, zone) : t("never")}</dd>
            <dt>{t("waiting")}</dt>
            <dd>{t("waitingCount", { count: state.pending_changes })}</dd>
          </dl>
        )}
        {connected && state.last_error && (
          <Notice tone="warning" title={t("lastError")}>
            <p dir="ltr">{state.last_error}</p>
          </Notice>
        )}
        {connected && showConflicts && staffId !== null && <ConflictList staffId={staffId} timeZone={zone} />}
        {connected && state.failed_changes > 0 && (
          <Notice tone="error" title={t("failedCount", { count: state.failed_changes })} />
        )}
        {connected && (
          <>
            {disconnect.isError && <Notice tone="error" live title={errorMessage(disconnect.error)} />}
            <button
              type="button"
              className="button button--ghost-danger"
              disabled={disconnect.isPending}
              onClick={() => disconnect.mutate()}
            >
              {disconnect.isPending ? t("disconnecting") : t("disconnect")}
            </button>
          </>
        )}
      </>
    );
  };

  return (
    <section className="card stack google-calendar" aria-labelledby="google-calendar-title">
      <h2 id="google-calendar-title">{t("title")}</h2>
      {body()}
    </section>
  );
}
