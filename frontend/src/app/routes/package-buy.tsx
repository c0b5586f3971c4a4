import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useBuyPackage } from "@/features/packages/api/buy-package";
import { useSalonPackages } from "@/features/packages/api/list-salon-packages";
import { localName } from "@/features/packages/components/names";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import { parseId } from "@/lib/route-params";

import { PurchasePayment } from "../compositions/PurchasePayment";

/** `/salons/:salonId/packages/:packageId/buy`: what the package is, and paying for it. */
export function Component() {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const navigate = useNavigate();
  const params = useParams();
  const salonId = parseId(params.salonId);
  const packageId = parseId(params.packageId);
  const packages = useSalonPackages(salonId ?? 0);
  const buy = useBuyPackage();
  useDocumentTitle(t("buy.title"));

  if (salonId === null || packageId === null) return <NotFound />;
  if (packages.isPending) return <LoadingState />;
  if (packages.isError) return <ErrorState error={packages.error} onRetry={() => void packages.refetch()} />;
  const item = packages.data.find((candidate) => candidate.id === packageId);
  if (!item) return <NotFound />;

  return (
    <div className="stack narrow">
      <h1>{t("buy.title")}</h1>
      <section className="card stack">
        <p className="heading-3">{localName(language, item.name_ar, item.name_en)}</p>
        <p>
          {t("salon.sessionsOf", {
            count: item.sessions,
            n: formatNumber(item.sessions, language),
            service: localName(language, item.service_name_ar, item.service_name_en),
          })}
        </p>
        <p>{t("salon.validFor", { count: item.validity_days, n: formatNumber(item.validity_days, language) })}</p>
      </section>
      <PurchasePayment
        amount={item.price_amount}
        currency={item.currency}
        busy={buy.isPending}
        error={buy.error}
        pay={(source, then) => buy.mutate({ packageId: item.id, source }, { onSuccess: then })}
        onSettled={(purchase) => void navigate(`/purchases/return?id=${encodeURIComponent(purchase.id)}`)}
      />
    </div>
  );
}
