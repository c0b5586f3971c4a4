import "../desk.css";

import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatTime } from "@/lib/format/time";
import { toZonedIso } from "@/lib/zoned-time";

import type { FreeWindow } from "../schedule";
import type { PickedSlot } from "./CalendarGrid";

interface NextFreeTimesProps {
  windows: FreeWindow[];
  timeZone: string;
  onBook: (slot: PickedSlot) => void;
}

/** Each stylist's next free time today, with a walk-in booking one tap away. */
export function NextFreeTimes({ windows, timeZone, onBook }: NextFreeTimesProps) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const time = (ms: number) => formatTime(new Date(ms).toISOString(), language, timeZone);

  if (windows.length === 0) return <p className="state state--empty">{t("today.noFreeTime")}</p>;
  return (
    <ul className="desk-free-times">
      {windows.map((window) => (
        <li key={window.staff.id} className="desk-free-times__item">
          <p>
            <span className="desk-free-times__staff">{window.staff.display_name}</span>{" "}
            {t("today.freeFrom", { from: time(window.start), to: time(window.end) })}
          </p>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t("calendar.bookFree", { time: time(window.start), staff: window.staff.display_name })}
            onClick={() =>
              onBook({
                staff: window.staff,
                start: toZonedIso(window.start, timeZone),
                until: toZonedIso(window.end, timeZone),
              })
            }
          >
            {t("today.book")}
          </button>
        </li>
      ))}
    </ul>
  );
}
