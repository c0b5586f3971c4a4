import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import { toLatinDigits } from "@/lib/phone";
import type { ServiceCategory } from "@/types/models";

import { AUDIENCES, MAX_PRICE_SAR, MIN_RATINGS } from "../catalog-options";
import type { AvailableDay, SearchCriteria } from "../search-params";

interface FilterFieldsProps {
  criteria: SearchCriteria;
  onChange: (criteria: SearchCriteria) => void;
  /** Until they arrive (or if they cannot be loaded), the category filter offers only "all". */
  categories: readonly ServiceCategory[] | undefined;
}

const DAYS: readonly (AvailableDay | null)[] = [null, "today", "tomorrow"];

/** Whole riyals typed with Latin or Arabic-Indic digits; "" is no bound; null is not a price. */
function parseRiyals(text: string): number | null | "" {
  const latin = toLatinDigits(text).trim();
  if (latin === "") return "";
  if (!/^\d{1,7}$/.test(latin)) return null;
  const riyals = Number(latin);
  return riyals <= MAX_PRICE_SAR ? riyals : null;
}

/** The filters beside the words and the place: service, women/men, rating, price, open now, free day. */
export function FilterFields({ criteria, onChange, categories }: FilterFieldsProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();

  return (
    <div className="filters">
      <Field label={t("search.category")}>
        <select
          className="input"
          value={criteria.category ?? ""}
          onChange={(event) => onChange({ ...criteria, category: event.target.value || null })}
        >
          <option value="">{t("search.allCategories")}</option>
          {categories?.map((category) => (
            <option key={category.id} value={category.slug}>
              {category.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("filters.rating")}>
        <select
          className="input"
          value={criteria.minRating ?? ""}
          onChange={(event) =>
            onChange({ ...criteria, minRating: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">{t("filters.anyRating")}</option>
          {MIN_RATINGS.map((rating) => (
            <option key={rating} value={rating}>
              {t("filters.ratingAtLeast", { rating: formatNumber(rating, language, rating % 1 ? 1 : 0) })}
            </option>
          ))}
        </select>
      </Field>
      <PriceFields criteria={criteria} onChange={onChange} />
      <fieldset className="segmented">
        <legend className="field__label">{t("search.audience")}</legend>
        {[null, ...AUDIENCES].map((audience) => (
          <label key={audience ?? "any"} className="segmented__option">
            <input
              type="radio"
              name="audience"
              checked={criteria.audience === audience}
              onChange={() => onChange({ ...criteria, audience })}
            />
            <span>{audience ? t(`audience.${audience}`) : t("search.anyAudience")}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend className="field__label">{t("filters.freeTimes")}</legend>
        {DAYS.map((day) => (
          <label key={day ?? "any"} className="segmented__option">
            <input
              type="radio"
              name="day"
              checked={criteria.day === day}
              onChange={() => onChange({ ...criteria, day })}
            />
            <span>{day ? t(`filters.day.${day}`) : t("filters.day.any")}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={criteria.openNow}
          onChange={(event) => onChange({ ...criteria, openNow: event.target.checked })}
        />
        <span>{t("filters.openNow")}</span>
      </label>
    </div>
  );
}

/** The lowest and highest price in riyals; applied when the field is left or Enter is pressed. */
function PriceFields({ criteria, onChange }: Pick<FilterFieldsProps, "criteria" | "onChange">) {
  const { t } = useTranslation("salons");
  const shown = (riyals: number | null) => (riyals === null ? "" : String(riyals));
  const [texts, setTexts] = useState({ min: shown(criteria.minPrice), max: shown(criteria.maxPrice) });
  // New bounds from outside (the URL, a removed chip) replace what is typed: adjusted during render.
  const [followed, setFollowed] = useState({ min: criteria.minPrice, max: criteria.maxPrice });
  if (followed.min !== criteria.minPrice || followed.max !== criteria.maxPrice) {
    setFollowed({ min: criteria.minPrice, max: criteria.maxPrice });
    setTexts({ min: shown(criteria.minPrice), max: shown(criteria.maxPrice) });
  }
  const min = parseRiyals(texts.min);
  const max = parseRiyals(texts.max);
  const reversed = typeof min === "number" && typeof max === "number" && max < min;

  const apply = () => {
    if (min === null || max === null || reversed) return;
    const minPrice = min === "" ? null : min;
    const maxPrice = max === "" ? null : max;
    if (minPrice !== criteria.minPrice || maxPrice !== criteria.maxPrice) onChange({ ...criteria, minPrice, maxPrice });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      // Not the search form's submit: the price applies by itself.
      event.preventDefault();
      apply();
    }
  };

  return (
    <fieldset className="price-range">
      <legend className="field__label">{t("filters.price")}</legend>
      <div className="price-range__fields">
        <Field label={t("filters.priceFrom")} error={min === null ? t("filters.priceInvalid") : null}>
          <input
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={texts.min}
            onChange={(event) => setTexts({ ...texts, min: event.target.value })}
            onBlur={apply}
            onKeyDown={onKeyDown}
          />
        </Field>
        <Field
          label={t("filters.priceTo")}
          error={max === null ? t("filters.priceInvalid") : reversed ? t("filters.priceReversed") : null}
        >
          <input
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={texts.max}
            onChange={(event) => setTexts({ ...texts, max: event.target.value })}
            onBlur={apply}
            onKeyDown={onKeyDown}
          />
        </Field>
      </div>
    </fieldset>
  );
}
