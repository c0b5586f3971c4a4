import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { addDays } from "@/lib/calendar-date";
import { formatCalendarDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { formatHour } from "@/lib/format/time";

import { ReportCard, type ReportTable } from "./ReportCard";

// A Sunday: the API's rows start on Sunday, like the Saudi week.
const A_SUNDAY = "2026-11-22";
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The busiest weekday and hour (the first of equals), or null when nothing happened. */
export function busiestSlot(weekdays: number[][]): { day: number; hour: number; visits: number } | null {
  let best: { day: number; hour: number; visits: number } | null = null;
  for (const [day, hours] of weekdays.entries()) {
    for (const [hour, visits] of hours.entries()) {
      if (visits > 0 && (best === null || visits > best.visits)) best = { day, hour, visits };
    }
  }
  return best;
}

/**
 * Visits by weekday × hour: a grid of shaded cells, weekdays down and hours across (transposed on a
 * phone, hours down), its figures as a table for screen readers.
 */
export function Heatmap({ weekdays }: { weekdays: number[][] }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const dayNames = weekdays.map((_, day) => formatCalendarDate(addDays(A_SUNDAY, day), language, "weekdayLong"));
  // One letter on a phone (ح ن ث ر خ ج س; S M T W T F S).
  const narrowDayNames = weekdays.map((_, day) => formatCalendarDate(addDays(A_SUNDAY, day), language, "narrow"));
  const hourNames = HOURS.map((hour) => formatHour(hour, language));
  const max = Math.max(0, ...weekdays.flat());
  const busiest = busiestSlot(weekdays);
  const visits = (count: number) => t("heatmap.visits", { count, n: formatNumber(count, language) });

  // Grid lines: 1 is the headers' (row or column); each cell knows both placements.
  const place = (day: number, hour: number) =>
    ({
      "--wide-row": day + 2,
      "--wide-column": hour + 2,
      "--narrow-row": hour + 2,
      "--narrow-column": day + 2,
    }) as CSSProperties;

  const grid = (
    <div className="heatmap" aria-hidden="true">
      {dayNames.map((name, day) => (
        <span key={`d${day}`} className="heatmap__day" style={place(day, -1)}>
          <span className="heatmap__wide-only">{name}</span>
          <span className="heatmap__narrow-only">{narrowDayNames[day]}</span>
        </span>
      ))}
      {hourNames.map((name, hour) => (
        // Across the top every third hour, over its three columns; down the side every hour.
        <span
          key={`h${hour}`}
          className={`heatmap__hour${hour % 3 ? " heatmap__hour--minor" : ""}`}
          style={place(-1, hour)}
        >
          {name}
        </span>
      ))}
      {weekdays.map((hours, day) =>
        hours.map((count, hour) => {
          const level = max ? count / max : 0;
          // Light cells (dark digits) up to half the busiest count, then dark ones (white digits): no
          // shade in between where neither colour of digits would be readable.
          const shade = level <= 0.5 ? level * 0.9 : 0.75 + (level - 0.5) * 0.5;
          return (
            <span
              key={`${day}-${hour}`}
              className={`heatmap__cell${level > 0.5 ? " heatmap__cell--dark" : ""}`}
              style={{ ...place(day, hour), "--level": `${Math.round(shade * 100)}%` } as CSSProperties}
              title={`${dayNames[day]} ${hourNames[hour]}: ${visits(count)}`}
            >
              {count > 0 ? formatNumber(count, language) : ""}
            </span>
          );
        }),
      )}
    </div>
  );

  const table: ReportTable = {
    head: [t("heatmap.day"), ...hourNames],
    rows: weekdays.map((hours, day) => ({
      key: day,
      cells: [dayNames[day], ...hours.map((count) => formatNumber(count, language))],
    })),
  };

  return (
    <ReportCard
      className="report-card--wide"
      title={t("heatmap.title")}
      note={t("heatmap.note")}
      picture={
        <>
          {busiest && (
            <p className="heatmap__busiest">
              {t("heatmap.busiest", {
                day: dayNames[busiest.day],
                hour: hourNames[busiest.hour],
                visits: visits(busiest.visits),
              })}
            </p>
          )}
          {grid}
          <p className="heatmap__scale" aria-hidden="true">
            <span>{t("heatmap.fewer")}</span>
            <span className="heatmap__ramp" />
            <span>{t("heatmap.more")}</span>
          </p>
        </>
      }
      table={table}
      empty={max === 0 ? t("heatmap.none") : null}
    />
  );
}
