import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { Icon } from "./Icon";

/** "★ 4.8 (312)" with an accessible sentence for screen readers. */
export function Stars({ rating, count }: { rating: number; count?: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const value = formatNumber(rating, language, 1);
  const label =
    count === undefined
      ? t("rating.label", { rating: value })
      : t("rating.labelWithCount", { rating: value, count, formattedCount: formatNumber(count, language) });
  return (
    <span className="stars" role="img" aria-label={label}>
      <Icon name="star" size={16} filled className="stars__icon" />
      <span aria-hidden="true">{value}</span>
      {count !== undefined && (
        <span className="stars__count" aria-hidden="true">
          ({formatNumber(count, language)})
        </span>
      )}
    </span>
  );
}
