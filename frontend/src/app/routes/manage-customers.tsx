import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useCustomers } from "@/features/desk/api/list-customers";
import { CustomerList } from "@/features/desk/components/CustomerList";
import { CustomerSearch } from "@/features/desk/components/CustomerSearch";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import { parseId } from "@/lib/route-params";

function CustomersPage({ salonId }: { salonId: number }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const customers = useCustomers(salonId, query);
  useDocumentTitle(t("customers.title"));

  const results = customers.data?.pages.flatMap((page) => page.results) ?? [];
  const count = customers.data?.pages[0]?.count ?? 0;

  return (
    <div className="desk-page stack">
      <h1>{t("customers.title")}</h1>
      <CustomerSearch query={query} onSearch={(q) => setParams(q ? { q } : {})} />
      {customers.isPending ? (
        <LoadingState />
      ) : customers.isError ? (
        <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
      ) : results.length === 0 ? (
        <EmptyState
          icon={query ? "search" : "user"}
          title={query ? t("customers.noMatch", { query }) : t("customers.none")}
        />
      ) : (
        <>
          <p className="desk-muted" role="status">
            {t("customers.count", { count, n: formatNumber(count, language) })}
          </p>
          <CustomerList customers={results} salonId={salonId} />
          {customers.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={customers.isFetchingNextPage}
              onClick={() => void customers.fetchNextPage()}
            >
              {t("customers.more")}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** The manage area's customers: search by name or phone, with what each has booked and paid. */
export function Component() {
  const salonId = parseId(useParams().salonId);
  if (salonId === null) return <NotFound />;
  return <CustomersPage key={salonId} salonId={salonId} />;
}

export default Component;
