import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import { formatNumber } from "@/lib/format/number";

import { useLanguage } from "./use-language";

/** 45 → "٤٥ دقيقة" / "45 min"; 90 → "ساعة و٣٠ دقيقة" / "1 h 30 min" (Arabic plural forms). */
export function useFormatDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (total: number) => {
      const hours = Math.floor(total / 60);
      const minutes = total % 60;
      const hoursText = t("duration.hours", { count: hours, n: formatNumber(hours, language) });
      const minutesText = t("duration.minutes", { count: minutes, n: formatNumber(minutes, language) });
      if (hours === 0) return minutesText;
      if (minutes === 0) return hoursText;
      return t("duration.join", { hours: hoursText, minutes: minutesText });
    },
    [t, language],
  );
}
