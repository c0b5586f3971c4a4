import "../desk.css";

import { useTranslation } from "react-i18next";

import { SHOWN_STATUSES } from "../schedule";

/** What the calendar's colours and patterns mean; every block also says it in words. */
export function CalendarLegend() {
  const { t } = useTranslation("desk");
  return (
    <ul className="desk-legend" aria-label={t("calendar.legend")}>
      {SHOWN_STATUSES.map((status) => (
        <li key={status}>
          <span className={`desk-legend__swatch desk-booking desk-booking--${status}`} aria-hidden="true" />
          {t(`status.${status}`)}
        </li>
      ))}
      <li>
        <span className="desk-legend__swatch desk-off" aria-hidden="true" />
        {t("calendar.timeOff")}
      </li>
      <li>
        <span className="desk-legend__swatch desk-legend__swatch--closed" aria-hidden="true" />
        {t("calendar.closed")}
      </li>
      <li>
        <span className="desk-legend__swatch desk-free" aria-hidden="true" />
        {t("calendar.free")}
      </li>
    </ul>
  );
}
