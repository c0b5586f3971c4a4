import "../desk.css";

import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { useLanguage } from "@/hooks/use-language";
import { addDays, type IsoDate, isIsoDate } from "@/lib/calendar-date";
import { formatCalendarDate, formatCalendarRange, formatHijriDate } from "@/lib/format/date";

export type CalendarView = "day" | "week";

export interface CalendarChange {
  view?: CalendarView;
  date?: IsoDate;
  /** null: every stylist. */
  staff?: number | null;
}

interface CalendarToolbarProps {
  view: CalendarView;
  date: IsoDate;
  /** The first and last day shown. */
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  stylists: { id: number; display_name: string }[];
  staffId: number | null;
  onChange: (change: CalendarChange) => void;
}

/** Day or week, the days before and after, a date to go to, and which stylists to show. */
export function CalendarToolbar({ view, date, from, to, today, stylists, staffId, onChange }: CalendarToolbarProps) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const step = view === "day" ? 1 : 7;

  return (
    <div className="desk-toolbar">
      <div className="desk-toolbar__row">
        <div className="desk-segmented" role="group" aria-label={t("calendar.view")}>
          {(["day", "week"] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="desk-segmented__option"
              aria-pressed={view === option}
              onClick={() => onChange({ view: option })}
            >
              {t(`calendar.views.${option}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={today >= from && today <= to}
          onClick={() => onChange({ date: today })}
        >
          {t("calendar.today")}
        </button>
      </div>
      <div className="day-nav desk-toolbar__nav">
        <button
          type="button"
          className="icon-button"
          aria-label={view === "day" ? t("calendar.previousDay") : t("calendar.previousWeek")}
          onClick={() => onChange({ date: addDays(date, -step) })}
        >
          <Icon name="back" />
        </button>
        <div className="desk-toolbar__date" aria-live="polite">
          <p className="desk-toolbar__gregorian">
            {view === "day" ? formatCalendarDate(date, language, "full") : formatCalendarRange(from, to, language)}
          </p>
          {view === "day" && <p className="desk-toolbar__hijri">{formatHijriDate(date, language, "long")}</p>}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={view === "day" ? t("calendar.nextDay") : t("calendar.nextWeek")}
          onClick={() => onChange({ date: addDays(date, step) })}
        >
          <Icon name="forward" />
        </button>
      </div>
      <div className="desk-toolbar__row desk-toolbar__fields">
        <Field label={t("calendar.goTo")}>
          <input
            className="input"
            type="date"
            value={date}
            onChange={(event) => isIsoDate(event.target.value) && onChange({ date: event.target.value })}
          />
        </Field>
        {stylists.length > 1 && (
          <Field label={t("calendar.stylists")}>
            <select
              className="input"
              value={staffId ?? ""}
              onChange={(event) => onChange({ staff: event.target.value ? Number(event.target.value) : null })}
            >
              <option value="">{t("calendar.allStylists")}</option>
              {stylists.map((stylist) => (
                <option key={stylist.id} value={stylist.id}>
                  {stylist.display_name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
    </div>
  );
}
