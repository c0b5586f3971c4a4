import "../desk.css";

import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import type { IsoDate } from "@/lib/calendar-date";
import { formatCalendarDate } from "@/lib/format/date";
import { formatClockTime, formatTime } from "@/lib/format/time";
import { toZonedIso } from "@/lib/zoned-time";

import { buildColumn, type Column, type DayRange, dayRange, placement, type Span } from "../schedule";
import type { Calendar, CalendarBooking, CalendarStaff } from "@/types/models";

export interface PickedSlot {
  staff: CalendarStaff;
  /** ISO with the salon's offset. */
  start: string;
  /** Where the free time that starts there ends. */
  until: string;
}

interface CalendarGridProps {
  calendar: Calendar;
  dates: IsoDate[];
  /** The stylists to show, in the salon's order. */
  staff: CalendarStaff[];
  now: number;
  onOpenBooking: (booking: CalendarBooking) => void;
  onPickSlot: (slot: PickedSlot) => void;
}

function position(span: Span, window: Span): CSSProperties {
  const { offset, length } = placement(span, window);
  return { "--offset": offset, "--length": length } as CSSProperties;
}

function hours(range: DayRange): number[] {
  const result: number[] = [];
  for (let minute = range.startMinute; minute < range.endMinute; minute += 60) result.push(minute / 60);
  return result;
}

function StylistColumn({
  column,
  timeZone,
  onOpenBooking,
  onPickSlot,
}: {
  column: Column;
  timeZone: string;
  onOpenBooking: (booking: CalendarBooking) => void;
  onPickSlot: (slot: PickedSlot) => void;
}) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const time = (ms: number) => formatTime(new Date(ms).toISOString(), language, timeZone);
  const { staff, date, window } = column;
  // A free slot books into the free time it belongs to: up to the next booking or time off.
  const freeUntil = (start: number) => {
    const next = column.items.find((item) => item.kind !== "free" && item.span.start >= start);
    const working = column.working.find((span) => span.start <= start && start < span.end);
    return Math.min(next?.span.start ?? Number.POSITIVE_INFINITY, working?.end ?? start);
  };

  return (
    <div
      role="group"
      className="desk-column"
      aria-label={t("calendar.column", { staff: staff.display_name, date: formatCalendarDate(date, language, "full") })}
    >
      <h3 className="desk-column__title">{staff.display_name}</h3>
      <div className="desk-column__body">
        {column.working.map((span) => (
          <div key={span.start} className="desk-column__working" style={position(span, window)} aria-hidden="true" />
        ))}
        <ol className="desk-column__items">
          {column.items.map((item) => {
            const style = position(item.span, window);
            if (item.kind === "booking") {
              const { booking } = item;
              const customer = booking.customer_first_name || t("calendar.customer");
              const status = t(`status.${booking.status}`);
              return (
                <li key={`booking-${booking.id}`} style={style}>
                  <button
                    type="button"
                    className={`desk-booking desk-booking--${booking.status}`}
                    onClick={() => onOpenBooking(booking)}
                  >
                    {/* Screen readers hear a sentence, the eye reads one line each (and, in a short
                        booking, only the first lines). The name is the sentence's text, not an
                        aria-label, so it holds every word shown (WCAG 2.5.3, label in name). */}
                    <span className="visually-hidden">
                      {t("calendar.booking", {
                        time: time(Date.parse(booking.start)),
                        customer,
                        service: booking.service_name,
                        status,
                      })}
                    </span>
                    <span className="desk-booking__time" aria-hidden="true">
                      {time(Date.parse(booking.start))}
                    </span>
                    <span className="desk-booking__customer" aria-hidden="true">
                      {customer}
                    </span>
                    <span className="desk-booking__service" aria-hidden="true">
                      {booking.service_name}
                    </span>
                    <span className="desk-booking__status" aria-hidden="true">
                      {status}
                    </span>
                  </button>
                </li>
              );
            }
            if (item.kind === "time_off") {
              return (
                <li key={`off-${item.span.start}`} style={style}>
                  <div className="desk-off">
                    {t("calendar.timeOff")}
                    {item.timeOff.reason && (
                      <>
                        {" · "}
                        <bdi dir="auto">{item.timeOff.reason}</bdi>
                      </>
                    )}
                  </div>
                </li>
              );
            }
            return (
              <li key={`free-${item.span.start}`} style={style}>
                <button
                  type="button"
                  className="desk-free"
                  aria-label={t("calendar.bookFree", { time: time(item.span.start), staff: staff.display_name })}
                  onClick={() =>
                    onPickSlot({
                      staff,
                      start: toZonedIso(item.span.start, timeZone),
                      until: toZonedIso(freeUntil(item.span.start), timeZone),
                    })
                  }
                >
                  <span aria-hidden="true">+</span> <span className="desk-free__time">{time(item.span.start)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

/**
 * The salon's days side by side, one column per stylist in each day. Time runs from top to bottom;
 * the columns follow the reading direction (right to left in Arabic) through the logical layout.
 * Bookings and free grid slots are buttons in time order; time off is shaded, closed hours grey.
 */
export function CalendarGrid({ calendar, dates, staff, now, onOpenBooking, onPickSlot }: CalendarGridProps) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const zone = calendar.salon.timezone;
  const range = dayRange(calendar, zone);
  const single = dates.length === 1;
  const style = { "--minutes": range.endMinute - range.startMinute, "--stylists": staff.length } as CSSProperties;

  return (
    <div
      className={`desk-calendar${single ? " desk-calendar--day" : ""}`}
      role="region"
      aria-label={t("calendar.grid")}
      // Scrolls sideways when the columns do not fit: reachable with the keyboard.
      tabIndex={0}
      style={style}
    >
      <div className="desk-calendar__axis" aria-hidden="true">
        {hours(range).map((hour) => (
          <span key={hour} className="desk-calendar__hour">
            {formatClockTime(`${String(hour % 24).padStart(2, "0")}:00`, language)}
          </span>
        ))}
      </div>
      {dates.map((date) => (
        <div key={date} role="group" className="desk-day" aria-label={formatCalendarDate(date, language, "full")}>
          <h2 className={single ? "visually-hidden" : "desk-day__title"}>
            {formatCalendarDate(date, language, "short")}
          </h2>
          <div className="desk-day__columns">
            {staff.map((member) => (
              <StylistColumn
                key={member.id}
                column={buildColumn(member, date, range, calendar, now)}
                timeZone={zone}
                onOpenBooking={onOpenBooking}
                onPickSlot={onPickSlot}
              />
            ))}
          </div>
        </div>
      ))}
      {staff.length === 0 && <p className="state state--empty">{t("calendar.noStaff")}</p>}
    </div>
  );
}
