import "../salons.css";

import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { addDays, dateOfInstant, daysBetween, type IsoDate, todayIn, weekdayIndex } from "@/lib/calendar-date";
import { formatCalendarDate, formatCalendarRange, formatDate, formatHijriDate } from "@/lib/format/date";
import { type DayPeriod, dayPeriodOf, formatTime } from "@/lib/format/time";
import type { Slot } from "@/types/models";

import { useAvailability } from "../api/get-availability";

const STRIP_DAYS = 14;
const PERIODS: DayPeriod[] = ["morning", "afternoon", "evening"];

interface TimePickerProps {
  salonId: number;
  serviceId: number;
  /** null: free times of any qualified stylist. */
  staffId: number | null;
  timeZone: string;
  /** How many days ahead the salon takes bookings. */
  horizonDays?: number;
  selectedDate: IsoDate | null;
  selectedStart: string | null;
  onSelectDate: (date: IsoDate) => void;
  onSelectSlot: (slot: Slot, date: IsoDate) => void;
  /**
   * A start that cannot be booked any more (taken by someone else meanwhile, passed…): it is left
   * out even if the free times were fetched before, and the nearest free times are offered first.
   */
  takenStart?: string | null;
  /** A visit: the services after the first, each with its stylist (null: any); the times offered are
   * those where the whole sequence fits. */
  extras?: { serviceId: number; staffId: number | null }[];
  /** What a day with no free time offers instead (the waitlist), composed by the page. */
  emptyDay?: (date: IsoDate) => ReactNode;
}

/** The two-week page that shows `date`; the first page starts today. */
function pageIndexOf(today: IsoDate, date: IsoDate | null): number {
  if (!date) return 0;
  return Math.max(0, Math.floor(daysBetween(today, date) / STRIP_DAYS));
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

function nearestSlots(slotsByDay: Map<IsoDate, Slot[]>, around: string, count = 3): Slot[] {
  const target = Date.parse(around);
  return [...slotsByDay.values()]
    .flat()
    .filter((slot) => !sameInstant(slot.start, around))
    .sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target))
    .slice(0, count)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * A 14-day date strip from today (laid out in weeks from Sunday, Hijri beside Gregorian) and the
 * free times of the chosen day.
 */
export function TimePicker({
  salonId,
  serviceId,
  staffId,
  timeZone,
  horizonDays,
  selectedDate,
  selectedStart,
  onSelectDate,
  onSelectSlot,
  takenStart,
  extras,
  emptyDay,
}: TimePickerProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const today = todayIn(timeZone);
  const [pageIndex, setPageIndex] = useState(() => pageIndexOf(today, selectedDate));
  // A date chosen from outside (the URL, a new day) brings its fortnight into view: adjusted during render.
  const [followed, setFollowed] = useState({ today, selectedDate });
  if (followed.today !== today || followed.selectedDate !== selectedDate) {
    setFollowed({ today, selectedDate });
    if (selectedDate) setPageIndex(pageIndexOf(today, selectedDate));
  }

  // Fourteen bookable days (no past days); in a week grid from Sunday, the first one sits in its
  // weekday's column and the cells before it stay empty.
  const from = addDays(today, pageIndex * STRIP_DAYS);
  const leadingEmptyCells = weekdayIndex(from);
  const dates = useMemo(() => Array.from({ length: STRIP_DAYS }, (_, i) => addDays(from, i)), [from]);
  const lastBookable = horizonDays === undefined ? null : addDays(today, horizonDays);
  const hasNextPage = lastBookable === null || addDays(from, STRIP_DAYS) <= lastBookable;

  const availability = useAvailability({ salonId, serviceId, from, days: STRIP_DAYS, staffId, extras });
  const zone = availability.data?.timezone ?? timeZone;
  const slotsByDay = useMemo(
    () =>
      new Map(
        (availability.data?.days ?? []).map(
          (day) => [day.date, day.slots.filter((slot) => !takenStart || !sameInstant(slot.start, takenStart))] as const,
        ),
      ),
    [availability.data, takenStart],
  );

  const firstFreeDate = dates.find((date) => (slotsByDay.get(date)?.length ?? 0) > 0) ?? null;
  const activeDate = selectedDate && dates.includes(selectedDate) ? selectedDate : firstFreeDate;
  const activeSlots = activeDate ? (slotsByDay.get(activeDate) ?? []) : [];
  const suggestions = takenStart && availability.data ? nearestSlots(slotsByDay, takenStart) : [];

  const rangeLabel = formatCalendarRange(from, addDays(from, STRIP_DAYS - 1), language);

  return (
    <div className="time-picker">
      {suggestions.length > 0 && (
        <section className="suggestions" aria-labelledby="suggestions-heading">
          <h2 id="suggestions-heading" className="picker__group">
            {t("timePicker.nearest")}
          </h2>
          <ul className="slot-grid">
            {suggestions.map((slot) => {
              const date = formatDate(slot.start, language, zone, "short");
              return (
                <li key={slot.start}>
                  <button
                    type="button"
                    className="slot slot--wide"
                    onClick={() => onSelectSlot(slot, dateOfInstant(slot.start, zone))}
                  >
                    {t("timePicker.suggestion", { date, time: formatTime(slot.start, language, zone) })}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <div className="date-strip">
        <div className="date-strip__header">
          <button
            type="button"
            className="icon-button"
            onClick={() => setPageIndex((index) => Math.max(0, index - 1))}
            disabled={pageIndex === 0}
            aria-label={t("timePicker.previousWeeks")}
          >
            <Icon name="back" />
          </button>
          <p className="date-strip__range" aria-live="polite">
            {rangeLabel}
          </p>
          <button
            type="button"
            className="icon-button"
            onClick={() => setPageIndex((index) => index + 1)}
            disabled={!hasNextPage}
            aria-label={t("timePicker.nextWeeks")}
          >
            <Icon name="forward" />
          </button>
        </div>
        <ul className="date-strip__days" aria-label={t("timePicker.days")} aria-busy={availability.isPending}>
          {dates.map((date, index) => {
            const slots = slotsByDay.get(date);
            const free = (slots?.length ?? 0) > 0;
            const status =
              slots === undefined ? t("timePicker.checking") : free ? t("timePicker.free") : t("timePicker.full");
            const label = t("timePicker.dayLabel", {
              date: formatCalendarDate(date, language, "full"),
              hijri: formatHijriDate(date, language, "long"),
              status,
            });
            return (
              <li key={date} style={index === 0 ? { gridColumnStart: leadingEmptyCells + 1 } : undefined}>
                <button
                  type="button"
                  className={`day${free ? " day--free" : ""}${date === today ? " day--today" : ""}`}
                  aria-pressed={date === activeDate}
                  // A day with no free time opens only to offer something else instead (the waitlist).
                  disabled={!free && !(emptyDay && slots !== undefined)}
                  onClick={() => onSelectDate(date)}
                >
                  {/* Screen readers hear the full dates and whether the day has free times. */}
                  <span className="visually-hidden">{label}</span>
                  <span className="day__weekday" aria-hidden="true">
                    {formatCalendarDate(date, language, "weekday")}
                  </span>
                  <span className="day__number" aria-hidden="true">
                    {formatCalendarDate(date, language, "day")}
                  </span>
                  <span className="day__hijri" aria-hidden="true">
                    {formatHijriDate(date, language, "day")}
                  </span>
                  <span className="day__dot" aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
      </div>

      {availability.isPending ? (
        <LoadingState label={t("timePicker.loading")} />
      ) : availability.isError ? (
        <ErrorState error={availability.error} onRetry={() => void availability.refetch()} />
      ) : !activeDate ? (
        <p className="state state--empty">{hasNextPage ? t("timePicker.noneThisPage") : t("timePicker.none")}</p>
      ) : (
        <section className="slots" aria-label={t("timePicker.slots")}>
          <h2 className="slots__date heading-3">
            {formatCalendarDate(activeDate, language, "full")}
            <span className="slots__hijri">{formatHijriDate(activeDate, language, "long")}</span>
          </h2>
          {activeSlots.length === 0 ? (
            <>
              <p className="state state--empty">{t("timePicker.noneThisDay")}</p>
              {emptyDay?.(activeDate)}
            </>
          ) : (
            PERIODS.map((period) => {
              const slots = activeSlots.filter((slot) => dayPeriodOf(slot.start, zone) === period);
              if (slots.length === 0) return null;
              return (
                <div key={period} className="slots__period">
                  <h3 id={`period-${period}`} className="slots__period-name">
                    {t(`timePicker.periods.${period}`)}
                  </h3>
                  <ul className="slot-grid" aria-labelledby={`period-${period}`}>
                    {slots.map((slot) => (
                      <li key={slot.start}>
                        <button
                          type="button"
                          className="slot"
                          aria-pressed={slot.start === selectedStart}
                          onClick={() => onSelectSlot(slot, activeDate)}
                        >
                          {formatTime(slot.start, language, zone)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </section>
      )}
    </div>
  );
}
