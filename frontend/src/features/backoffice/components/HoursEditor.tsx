import "../backoffice.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Icon } from "@/components/Icon";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatNumber } from "@/lib/format/number";
import { randomUuid } from "@/lib/uuid";

import { affectedBookings } from "../api/affected-bookings";
import { refusedRows, useReplaceHours } from "../api/replace-hours";
import { flatten, type HoursRow, isOvernight, type RowProblem, toWeek, WEEK, type Week, weekProblems } from "../hours";
import type { AffectedBooking, WorkingInterval } from "@/types/models";
import { AffectedBookings } from "./AffectedBookings";

interface HoursEditorProps {
  salonId: number;
  staffId: number;
  timeZone: string;
  hours: WorkingInterval[];
}

interface RowFieldsProps {
  row: HoursRow;
  index: number;
  weekday: number;
  error: string | null;
  onChange: (row: HoursRow) => void;
  onRemove: () => void;
}

function RowFields({ row, index, weekday, error, onChange, onRemove }: RowFieldsProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const id = useId();
  const n = formatNumber(index + 1, language);
  const day = t(`weekdays.${weekday}` as "weekdays.0");
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <li className={`hours-row${error ? " hours-row--invalid" : ""}`}>
      <div className="hours-row__fields" role="group" aria-label={t("hours.interval", { day, n })}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            {t("hours.from")}
          </label>
          <input
            id={`${id}-start`}
            className="input"
            type="time"
            value={row.start}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ ...row, start: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-end`}>
            {t("hours.until")}
          </label>
          <input
            id={`${id}-end`}
            className="input"
            type="time"
            value={row.end}
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [describedBy, isOvernight(row) ? `${id}-overnight` : null].filter(Boolean).join(" ") || undefined
            }
            onChange={(event) => onChange({ ...row, end: event.target.value })}
          />
        </div>
        <button
          type="button"
          className="icon-button hours-row__remove"
          aria-label={t("hours.remove", { day, n })}
          onClick={onRemove}
        >
          <Icon name="trash" />
        </button>
      </div>
      {isOvernight(row) && (
        <p className="hours-row__overnight" id={`${id}-overnight`}>
          <Icon name="clock" size={16} />
          {t("hours.overnight", { day: t(`weekdays.${(weekday + 1) % 7}` as "weekdays.0") })}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * A stylist's week: each day's working intervals (several a day, overnight ones shown as such). The
 * week is checked as the API checks it, then saved whole (PUT replaces it); rows the server refuses
 * are marked, and bookings the new hours would leave without a stylist are listed to cancel.
 */
export function HoursEditor({ salonId, staffId, timeZone, hours }: HoursEditorProps) {
  const { t } = useTranslation("backoffice");
  const errorMessage = useErrorMessage();
  const replace = useReplaceHours(salonId, staffId);
  const [week, setWeek] = useState<Week>(() => toWeek(hours, randomUuid));
  const [problems, setProblems] = useState<Map<string, RowProblem>>(new Map());
  // Rows the server refused, by key, with its message.
  const [refused, setRefused] = useState<Map<string, string>>(new Map());
  const [refusedMessages, setRefusedMessages] = useState<string[]>([]);
  const [affected, setAffected] = useState<AffectedBooking[] | null>(null);
  const [edited, setEdited] = useState(false);

  const change = (weekday: number, rows: HoursRow[]) => {
    setWeek((current) => ({ ...current, [weekday]: rows }));
    setEdited(true);
  };

  const problemText = (problem: RowProblem, weekday: number) =>
    problem === "overlapsPrevious"
      ? t("hours.overlapsPrevious", { day: t(`weekdays.${(weekday + 6) % 7}` as "weekdays.0") })
      : t(`hours.${problem}`);

  const save = (cancelAffected = false, reason?: string) => {
    const { hours: sent, keys } = flatten(week);
    setEdited(false);
    replace.mutate(
      { hours: sent, cancelAffected, reason },
      {
        onSuccess: (saved) => {
          setAffected(null);
          setRefused(new Map());
          setRefusedMessages([]);
          setWeek(toWeek(saved, randomUuid));
        },
        onError: (error) => {
          const bookings = affectedBookings(error);
          if (bookings) {
            setAffected(bookings);
            return;
          }
          setAffected(null);
          const rows = refusedRows(error);
          const messages = isApiError(error) ? (error.fieldErrors.hours ?? []) : [];
          // One message per refused row when the server gives as many; else its first for each.
          setRefused(
            new Map(
              rows.flatMap((row, i) => {
                const key = keys[row];
                return key ? [[key, messages.length === rows.length ? messages[i]! : (messages[0] ?? "")]] : [];
              }),
            ),
          );
          setRefusedMessages(messages);
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = weekProblems(week);
    setProblems(found);
    setRefused(new Map());
    if (found.size > 0) return;
    save();
  };

  const rowError = (row: HoursRow, weekday: number): string | null => {
    const problem = problems.get(row.key);
    if (problem) return problemText(problem, weekday);
    const message = refused.get(row.key);
    return message === undefined ? null : message || t("hours.refusedRow");
  };

  const refusedOther = replace.isError && !affectedBookings(replace.error) && refused.size === 0;

  return (
    <>
      <form className="stack" onSubmit={submit} noValidate aria-labelledby="hours-title">
        <h2 id="hours-title">{t("hours.title")}</h2>
        <p className="muted">{t("hours.explanation")}</p>
        <div className="hours-week">
          {WEEK.map((weekday) => {
            const rows = week[weekday] ?? [];
            const day = t(`weekdays.${weekday}` as "weekdays.0");
            return (
              <fieldset key={weekday} className="hours-day">
                <legend className="hours-day__name">{day}</legend>
                {rows.length === 0 ? (
                  <p className="muted">{t("hours.dayOff")}</p>
                ) : (
                  <ol className="hours-day__rows">
                    {rows.map((row, index) => (
                      <RowFields
                        key={row.key}
                        row={row}
                        index={index}
                        weekday={weekday}
                        error={rowError(row, weekday)}
                        onChange={(changed) =>
                          change(
                            weekday,
                            rows.map((r) => (r.key === row.key ? changed : r)),
                          )
                        }
                        onRemove={() =>
                          change(
                            weekday,
                            rows.filter((r) => r.key !== row.key),
                          )
                        }
                      />
                    ))}
                  </ol>
                )}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    change(weekday, [
                      ...rows,
                      rows.length === 0
                        ? { key: randomUuid(), start: "09:00", end: "17:00" }
                        : { key: randomUuid(), start: "", end: "" },
                    ])
                  }
                >
                  <Icon name="plus" size={18} />
                  {t("hours.add", { day })}
                </button>
              </fieldset>
            );
          })}
        </div>
        {problems.size > 0 && (
          <Notice tone="error" live>
            <p>{t("hours.fixRows")}</p>
          </Notice>
        )}
        {refused.size > 0 && (
          <Notice tone="error" live title={t("hours.refused")}>
            {refusedMessages.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </Notice>
        )}
        {refusedOther && (
          <Notice tone="error" live>
            <p>{errorMessage(replace.error)}</p>
          </Notice>
        )}
        {replace.isSuccess && !edited && <Notice tone="success" live title={t("hours.saved")} />}
        <button type="submit" className="button manage-form__submit" disabled={replace.isPending}>
          {replace.isPending ? t("form.saving") : t("hours.save")}
        </button>
      </form>
      <Dialog open={affected !== null} title={t("hours.affectedTitle")} onClose={() => setAffected(null)}>
        {affected && (
          <AffectedBookings
            key={affected.map((booking) => booking.id).join()}
            bookings={affected}
            timeZone={timeZone}
            pending={replace.isPending}
            error={replace.isError && !affectedBookings(replace.error) ? replace.error : null}
            withReason
            onResolve={({ reason }) => save(true, reason)}
            onBack={() => setAffected(null)}
          />
        )}
      </Dialog>
    </>
  );
}
