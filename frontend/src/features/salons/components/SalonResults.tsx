import "../salons.css";

import { lazy, Suspense, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { type SalonFilters, useSalons } from "../api/list-salons";
import { defaultSort, type SalonSort, type SearchCriteria, sortChoices } from "../search-params";
import type { MapMarker } from "./map/types";
import { SalonCard } from "./SalonCard";

// The map view's code loads when it is first chosen (and Leaflet after it): not with the home page.
const SalonMap = lazy(() => import("./map/SalonMap").then((module) => ({ default: module.SalonMap })));

interface SalonResultsProps {
  filters: SalonFilters;
  /** The search as chosen (the sort and the list or map view are changed here). */
  criteria: SearchCriteria;
  onChange: (criteria: SearchCriteria) => void;
  onClearFilters: () => void;
}

export function SalonResults({ filters, criteria, onChange, onClearFilters }: SalonResultsProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const salons = useSalons(filters);
  const sortId = useId();
  const results = useMemo(() => salons.data?.pages.flatMap((page) => page.results) ?? [], [salons.data]);
  const markers = useMemo(
    () =>
      results.flatMap((salon): MapMarker[] => {
        if (salon.latitude === null || salon.longitude === null) return [];
        const place = t("place", { district: salon.district, city: salon.city_name });
        const distance =
          salon.distance_km === null ? null : t("distance", { distance: formatNumber(salon.distance_km, language, 1) });
        return [
          {
            id: salon.id,
            name: salon.name,
            detail: distance ? t("placeAndDistance", { place, distance }) : place,
            lat: Number(salon.latitude),
            lng: Number(salon.longitude),
            href: `/salons/${salon.id}`,
          },
        ];
      }),
    [results, t, language],
  );

  if (salons.isPending) return <LoadingState label={t("results.loading")} />;
  if (salons.isError) return <ErrorState error={salons.error} onRetry={() => void salons.refetch()} />;

  const count = salons.data.pages[0]?.count ?? 0;
  const sort = criteria.sort ?? defaultSort(criteria);

  return (
    <section className="results" aria-labelledby="results-heading">
      <div className="results__bar">
        <h2 id="results-heading" className="results__count" aria-live="polite">
          {t("results.count", { count, n: formatNumber(count, language) })}
        </h2>
        <div className="results__controls">
          <div className="results__sort">
            <label htmlFor={sortId} className="field__label">
              {t("sort.label")}
            </label>
            <select
              id={sortId}
              className="input"
              value={sort}
              onChange={(event) => onChange({ ...criteria, sort: event.target.value as SalonSort })}
            >
              {sortChoices(criteria).map((choice) => (
                <option key={choice} value={choice}>
                  {t(`sort.${choice}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="view-toggle" role="group" aria-label={t("view.label")}>
            {(["list", "map"] as const).map((view) => (
              <button
                key={view}
                type="button"
                className="view-toggle__option"
                aria-pressed={criteria.view === view}
                onClick={() => onChange({ ...criteria, view })}
              >
                <Icon name={view === "list" ? "list" : "pin"} />
                <span>{t(`view.${view}`)}</span>
              </button>
            ))}
          </div>
        </div>
      </div>
      {results.length === 0 ? (
        <EmptyState
          title={t("results.emptyTitle")}
          description={criteria.near ? t("results.emptyNearText") : t("results.emptyText")}
          action={
            <button type="button" className="button button--secondary" onClick={onClearFilters}>
              {t("results.clearFilters")}
            </button>
          }
        />
      ) : criteria.view === "map" ? (
        <>
          <Suspense
            fallback={
              <div className="salon-map salon-map--results">
                <p className="salon-map__message">{t("map.loading")}</p>
              </div>
            }
          >
            <SalonMap
              markers={markers}
              here={criteria.near}
              label={t("map.resultsLabel")}
              className="salon-map--results"
            />
          </Suspense>
          {markers.length < results.length && (
            <p className="results__note">
              {t("map.notShown", {
                count: results.length - markers.length,
                n: formatNumber(results.length - markers.length, language),
              })}
            </p>
          )}
        </>
      ) : (
        <ul className="salon-grid">
          {results.map((salon, index) => (
            <li key={salon.id}>
              <SalonCard salon={salon} priority={index < 2} />
            </li>
          ))}
        </ul>
      )}
      {results.length > 0 && salons.hasNextPage && (
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => void salons.fetchNextPage()}
          disabled={salons.isFetchingNextPage}
        >
          {salons.isFetchingNextPage ? t("results.loading") : t("results.more")}
        </button>
      )}
    </section>
  );
}
