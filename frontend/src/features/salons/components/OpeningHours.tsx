import "../salons.css";

import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { todayIn, toUtcNoon } from "@/lib/calendar-date";
import { formatClockTime } from "@/lib/format/time";
import type { OpeningDay } from "@/types/models";

/** Python's weekday numbering (Monday = 0) of today in the salon's time zone. */
function todayWeekday(timeZone: string): number {
  return (toUtcNoon(todayIn(timeZone)).getUTCDay() + 6) % 7;
}

export function OpeningHours({ days, timeZone }: { days: OpeningDay[]; timeZone: string }) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const today = todayWeekday(timeZone);
  return (
    <table className="hours">
      <caption className="visually-hidden">{t("salon.hours")}</caption>
      <tbody>
        {days.map((day) => (
          <tr key={day.weekday} className={day.weekday === today ? "hours__today" : undefined}>
            <th scope="row">
              {day.name}
              {day.weekday === today && <span className="visually-hidden"> ({t("salon.today")})</span>}
            </th>
            <td>
              {day.intervals.length === 0
                ? t("salon.closed")
                : // Each interval keeps its comma; lines break only at the space after it, so no
                  // line starts with a comma.
                  day.intervals.map((interval, index) => (
                    <Fragment key={interval.start}>
                      {index > 0 && " "}
                      <span className="hours__interval">
                        {t("salon.interval", {
                          start: formatClockTime(interval.start, language),
                          end: formatClockTime(interval.end, language),
                        })}
                        {index < day.intervals.length - 1 && t("salon.intervalSeparator")}
                      </span>
                    </Fragment>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
