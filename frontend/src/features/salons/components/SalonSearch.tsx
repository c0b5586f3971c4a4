import "../salons.css";

import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { useLanguage } from "@/hooks/use-language";
import { useMediaQuery } from "@/hooks/use-media-query";
import { formatNumber } from "@/lib/format/number";
import type { City } from "@/types/models";

import { useCategories } from "../api/list-categories";
import { useCities } from "../api/list-cities";
import { DEFAULT_RADIUS_KM, RADII_KM } from "../catalog-options";
import { type SearchCriteria, withCity, withNear } from "../search-params";
import { ActiveFilters } from "./ActiveFilters";
import { FilterFields } from "./FilterFields";
import { NearMe } from "./NearMe";
import { SearchBox } from "./SearchBox";

export type { SearchCriteria } from "../search-params";

interface SalonSearchProps {
  criteria: SearchCriteria;
  onChange: (criteria: SearchCriteria) => void;
}

/** How many of the filters behind the phone's "Filters" button are in force. */
function panelFilterCount(criteria: SearchCriteria): number {
  return [
    criteria.category,
    criteria.audience,
    criteria.minRating,
    criteria.minPrice ?? criteria.maxPrice,
    criteria.openNow || null,
    criteria.day,
  ].filter((value) => value !== null).length;
}

/**
 * Words (Arabic or English) with suggestions; where (near me, or a city); the other filters beside
 * them on a wide screen, behind a "Filters" button on a phone; the filters in force as removable chips.
 */
export function SalonSearch({ criteria, onChange }: SalonSearchProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const wide = useMediaQuery("(min-width: 48rem)", true);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const citySelect = useRef<HTMLSelectElement>(null);
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
  const inPanel = panelFilterCount(criteria);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...criteria, q: words.trim() });
  };

  const filters = <FilterFields criteria={criteria} onChange={onChange} categories={categories.data} />;

  return (
    <form role="search" className="search" onSubmit={submit} aria-label={t("search.label")}>
      <div className="search__words">
        <SearchBox
          label={t("search.words")}
          value={words}
          onValueChange={setWords}
          city={criteria.city}
          onPickService={(name) => {
            setWords(name);
            onChange({ ...criteria, q: name });
          }}
          onPickDistrict={(district) => {
            setWords("");
            onChange({ ...withCity(criteria, district.city), district: district.name, q: "" });
          }}
        />
        <button type="submit" className="button search__submit">
          <Icon name="search" />
          <span>{t("search.submit")}</span>
        </button>
      </div>
      <div className="search__where">
        <NearMe
          active={criteria.near !== null}
          onLocated={(point) => onChange(withNear(criteria, point))}
          onChooseCity={() => citySelect.current?.focus()}
        />
        <Field label={t("search.city")}>
          <select
            ref={citySelect}
            className="input"
            value={criteria.city ?? ""}
            onChange={(event) => onChange(withCity(criteria, (event.target.value || null) as City | null))}
          >
            <option value="">{t("search.allCities")}</option>
            {cityOptions.map((city) => (
              <option key={city} value={city}>
                {t(`cities.${city}`)}
              </option>
            ))}
          </select>
        </Field>
        {criteria.near && (
          <Field label={t("nearMe.radius")}>
            <select
              className="input"
              value={criteria.radiusKm ?? DEFAULT_RADIUS_KM}
              onChange={(event) => onChange({ ...criteria, radiusKm: Number(event.target.value) })}
            >
              {RADII_KM.map((radius) => (
                <option key={radius} value={radius}>
                  {t("nearMe.within", { distance: formatNumber(radius, language) })}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {wide ? (
        filters
      ) : (
        <>
          <button
            type="button"
            className="button button--secondary search__filters-button"
            onClick={() => setFiltersOpen(true)}
            aria-haspopup="dialog"
          >
            <Icon name="list" />
            <span>
              {inPanel > 0 ? t("filters.buttonCount", { n: formatNumber(inPanel, language) }) : t("filters.button")}
            </span>
          </button>
          <Dialog open={filtersOpen} title={t("filters.title")} onClose={() => setFiltersOpen(false)}>
            {filters}
            <button type="button" className="button button--block" onClick={() => setFiltersOpen(false)}>
              {t("filters.showResults")}
            </button>
          </Dialog>
        </>
      )}
      <ActiveFilters criteria={criteria} onChange={onChange} categories={categories.data} />
    </form>
  );
}
