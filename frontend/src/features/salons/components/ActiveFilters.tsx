import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import type { ServiceCategory } from "@/types/models";

import { DEFAULT_RADIUS_KM } from "../catalog-options";
import { EMPTY_CRITERIA, type SearchCriteria, withCity, withNear } from "../search-params";

interface ActiveFiltersProps {
  criteria: SearchCriteria;
  onChange: (criteria: SearchCriteria) => void;
  categories: readonly ServiceCategory[] | undefined;
}

interface Chip {
  key: string;
  label: string;
  without: SearchCriteria;
}

/** The filters in force, each with a button that removes it, and one that removes them all. */
export function ActiveFilters({ criteria, onChange, categories }: ActiveFiltersProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const riyals = (value: number) => formatMoney(value * 100, "SAR", language, { wholeWithoutDecimals: true });
  const chips: Chip[] = [];

  if (criteria.near) {
    const radius = criteria.radiusKm ?? DEFAULT_RADIUS_KM;
    chips.push({
      key: "near",
      label: t("chips.near", { distance: formatNumber(radius, language) }),
      without: withNear(criteria, null),
    });
  }
  if (criteria.city) {
    chips.push({ key: "city", label: t(`cities.${criteria.city}`), without: withCity(criteria, null) });
  }
  if (criteria.district) {
    chips.push({ key: "district", label: criteria.district, without: { ...criteria, district: null } });
  }
  if (criteria.category) {
    const name = categories?.find((category) => category.slug === criteria.category)?.name ?? criteria.category;
    chips.push({ key: "category", label: name, without: { ...criteria, category: null } });
  }
  if (criteria.audience) {
    chips.push({
      key: "audience",
      label: t(`audience.${criteria.audience}`),
      without: { ...criteria, audience: null },
    });
  }
  if (criteria.minRating !== null) {
    const rating = formatNumber(criteria.minRating, language, criteria.minRating % 1 ? 1 : 0);
    chips.push({
      key: "rating",
      label: t("filters.ratingAtLeast", { rating }),
      without: { ...criteria, minRating: null },
    });
  }
  if (criteria.minPrice !== null || criteria.maxPrice !== null) {
    const { minPrice: min, maxPrice: max } = criteria;
    const label =
      min !== null && max !== null
        ? t("priceRange", { min: riyals(min), max: riyals(max) })
        : min !== null
          ? t("chips.priceFrom", { price: riyals(min) })
          : t("chips.priceTo", { price: riyals(max ?? 0) });
    chips.push({ key: "price", label, without: { ...criteria, minPrice: null, maxPrice: null } });
  }
  if (criteria.openNow) {
    chips.push({ key: "open", label: t("filters.openNow"), without: { ...criteria, openNow: false } });
  }
  if (criteria.day) {
    chips.push({ key: "day", label: t(`chips.day.${criteria.day}`), without: { ...criteria, day: null } });
  }

  if (chips.length === 0) return null;
  return (
    <div className="chips">
      <ul className="chips__list" aria-label={t("chips.label")}>
        {chips.map((chip) => (
          <li key={chip.key} className="chip">
            <span dir="auto">{chip.label}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t("chips.remove", { filter: chip.label })}
              onClick={() => onChange(chip.without)}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...EMPTY_CRITERIA, q: criteria.q, view: criteria.view })}
        >
          {t("chips.clearAll")}
        </button>
      )}
    </div>
  );
}
