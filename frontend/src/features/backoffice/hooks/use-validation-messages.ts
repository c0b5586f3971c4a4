import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

/** The forms' own messages, with numbers in the UI language's digits. */
export function useValidationMessages() {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  return useMemo(() => {
    const n = (value: number) => formatNumber(value, language);
    return {
      required: () => t("validation.required"),
      tooLong: (max: number) => t("validation.tooLong", { max: n(max) }),
      between: (min: number, max: number) => t("validation.between", { min: n(min), max: n(max) }),
      coordinate: (limit: number) => t("validation.coordinate", { min: n(-limit), max: n(limit) }),
    };
  }, [t, language]);
}
