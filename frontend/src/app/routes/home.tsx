import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useCategories } from "@/features/salons/api/list-categories";
import { SalonResults } from "@/features/salons/components/SalonResults";
import { SalonSearch } from "@/features/salons/components/SalonSearch";
import {
  criteriaFromParams,
  criteriaToParams,
  filtersFromCriteria,
  type SearchCriteria,
} from "@/features/salons/search-params";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { DEFAULT_TIME_ZONE, todayIn } from "@/lib/calendar-date";

export function Component() {
  const { t } = useTranslation("salons");
  const [params, setParams] = useSearchParams();
  const categories = useCategories();
  const criteria = criteriaFromParams(params, categories.data);
  useDocumentTitle(null);
  const onChange = (next: SearchCriteria) => setParams(criteriaToParams(next), { replace: true });

  return (
    <div className="home">
      <section className="hero">
        <h1 className="hero__title">{t("home.title")}</h1>
        <p className="hero__subtitle">{t("home.subtitle")}</p>
      </section>
      <SalonSearch criteria={criteria} onChange={onChange} />
      <SalonResults
        // "Today" and "tomorrow" on the salons' calendar (every salon is on Saudi time).
        filters={filtersFromCriteria(criteria, todayIn(DEFAULT_TIME_ZONE))}
        criteria={criteria}
        onChange={onChange}
        onClearFilters={() => setParams(new URLSearchParams(), { replace: true })}
      />
    </div>
  );
}
