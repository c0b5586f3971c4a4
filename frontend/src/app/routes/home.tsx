import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useCategories } from "@/features/salons/api/list-categories";
import { SalonResults } from "@/features/salons/components/SalonResults";
import { SalonSearch } from "@/features/salons/components/SalonSearch";
import { criteriaFromParams, criteriaToParams } from "@/features/salons/search-params";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { DEFAULT_TIME_ZONE, todayIn } from "@/lib/calendar-date";

export function Component() {
  const { t } = useTranslation("salons");
  const [params, setParams] = useSearchParams();
  const categories = useCategories();
  const criteria = criteriaFromParams(params, categories.data);
  useDocumentTitle(null);

  return (
    <div className="home">
      <section className="hero">
        <h1 className="hero__title">{t("home.title")}</h1>
        <p className="hero__subtitle">{t("home.subtitle")}</p>
      </section>
      <SalonSearch criteria={criteria} onChange={(next) => setParams(criteriaToParams(next), { replace: true })} />
      <SalonResults
        filters={{
          q: criteria.q,
          city: criteria.city ?? undefined,
          category: criteria.category ?? undefined,
          audience: criteria.audience ?? undefined,
          availableOn: criteria.availableToday ? todayIn(DEFAULT_TIME_ZONE) : undefined,
        }}
        onClearFilters={() => setParams(new URLSearchParams(), { replace: true })}
      />
    </div>
  );
}
