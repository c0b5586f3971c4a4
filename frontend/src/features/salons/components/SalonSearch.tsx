import "../salons.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import type { Audience, City } from "@/types/models";

import { useCategories } from "../api/list-categories";
import { useCities } from "../api/list-cities";
import { AUDIENCES } from "../catalog-options";

export interface SearchCriteria {
  q: string;
  city: City | null;
  /** A service category's slug. */
  category: string | null;
  audience: Audience | null;
  availableToday: boolean;
}

interface SalonSearchProps {
  criteria: SearchCriteria;
  onChange: (criteria: SearchCriteria) => void;
}

/** Words (Arabic or English), city, category, women/men and "available today". */
export function SalonSearch({ criteria, onChange }: SalonSearchProps) {
  const { t } = useTranslation("salons");
  // Until they arrive (or if they cannot be loaded), the category filter offers only "all".
  const categories = useCategories();
  // Only cities with salons: a city chosen by address that has none (any more) is kept so it can be undone.
  const cities = (useCities().data ?? []).map((city) => city.code);
  const cityOptions = criteria.city && !cities.includes(criteria.city) ? [...cities, criteria.city] : cities;
  const [words, setWords] = useState(criteria.q);
  // New words from outside (the URL: Back, a link) replace what is typed: adjusted during render, not in an effect.
  const [followedWords, setFollowedWords] = useState(criteria.q);
  if (followedWords !== criteria.q) {
    setFollowedWords(criteria.q);
    setWords(criteria.q);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...criteria, q: words.trim() });
  };

  return (
    <form role="search" className="search" onSubmit={submit} aria-label={t("search.label")}>
      <div className="search__words">
        <Field label={t("search.words")}>
          <input
            type="search"
            className="input"
            value={words}
            onChange={(event) => setWords(event.target.value)}
            placeholder={t("search.placeholder")}
            enterKeyHint="search"
            maxLength={100}
          />
        </Field>
        <button type="submit" className="button search__submit">
          <Icon name="search" />
          <span>{t("search.submit")}</span>
        </button>
      </div>
      <div className="search__filters">
        <Field label={t("search.city")}>
          <select
            className="input"
            value={criteria.city ?? ""}
            onChange={(event) => onChange({ ...criteria, city: (event.target.value || null) as City | null })}
          >
            <option value="">{t("search.allCities")}</option>
            {cityOptions.map((city) => (
              <option key={city} value={city}>
                {t(`cities.${city}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("search.category")}>
          <select
            className="input"
            value={criteria.category ?? ""}
            onChange={(event) => onChange({ ...criteria, category: event.target.value || null })}
          >
            <option value="">{t("search.allCategories")}</option>
            {categories.data?.map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
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
        <label className="check">
          <input
            type="checkbox"
            checked={criteria.availableToday}
            onChange={(event) => onChange({ ...criteria, availableToday: event.target.checked })}
          />
          <span>{t("search.availableToday")}</span>
        </label>
      </div>
    </form>
  );
}
