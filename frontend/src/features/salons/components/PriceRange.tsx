import "../salons.css";

import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import type { PriceRange as Range } from "@/types/models";

export function PriceRange({ range }: { range: Range }) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const min = formatMoney(range.min, range.currency, language, { wholeWithoutDecimals: true });
  if (range.min === range.max) return <span>{min}</span>;
  return (
    <span>
      {t("priceRange", { min, max: formatMoney(range.max, range.currency, language, { wholeWithoutDecimals: true }) })}
    </span>
  );
}
