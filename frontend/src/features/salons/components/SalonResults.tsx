import "../salons.css";

import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { type SalonFilters, useSalons } from "../api/list-salons";
import { SalonCard } from "./SalonCard";

interface SalonResultsProps {
  filters: SalonFilters;
  onClearFilters: () => void;
}

export function SalonResults({ filters, onClearFilters }: SalonResultsProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const salons = useSalons(filters);

  if (salons.isPending) return <LoadingState label={t("results.loading")} />;
  if (salons.isError) return <ErrorState error={salons.error} onRetry={() => void salons.refetch()} />;

  const count = salons.data.pages[0]?.count ?? 0;
  const results = salons.data.pages.flatMap((page) => page.results);

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading" className="results__count" aria-live="polite">
        {t("results.count", { count, n: formatNumber(count, language) })}
      </h2>
      {results.length === 0 ? (
        <EmptyState
          title={t("results.emptyTitle")}
          description={t("results.emptyText")}
          action={
            <button type="button" className="button button--secondary" onClick={onClearFilters}>
              {t("results.clearFilters")}
            </button>
          }
        />
      ) : (
        <ul className="salon-grid">
          {results.map((salon, index) => (
            <li key={salon.id}>
              <SalonCard salon={salon} priority={index < 2} />
            </li>
          ))}
        </ul>
      )}
      {salons.hasNextPage && (
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
