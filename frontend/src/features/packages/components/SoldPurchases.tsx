import "../packages.css";

import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";

import { useRefundPurchase, useSalonPurchases } from "../api/salon-purchases";

/** The back office's packages and gift cards sold, with what is left and a refund of the unused part. */
export function SoldPurchases({ salonId }: { salonId: number }) {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const sold = useSalonPurchases(salonId);
  const refund = useRefundPurchase(salonId);

  return (
    <section className="stack" aria-labelledby="sold-heading">
      <h2 id="sold-heading">{t("sold.heading")}</h2>
      {refund.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(refund.error)}</p>
        </Notice>
      )}
      {sold.isPending ? (
        <LoadingState />
      ) : sold.isError ? (
        <ErrorState error={sold.error} onRetry={() => void sold.refetch()} />
      ) : sold.data.length === 0 ? (
        <p>{t("sold.none")}</p>
      ) : (
        <ul className="packages-list">
          {sold.data.map((item) => (
            <li key={item.id} className="card packages-item">
              <div>
                <p className="heading-3">
                  {t(item.kind === "package" ? "sold.package" : "sold.giftCard")} ·{" "}
                  <bdi>{formatMoney(item.amount, item.currency, language)}</bdi>
                </p>
                <p className="packages-item__meta">{item.customer_name || <bdi>{item.customer_phone}</bdi>}</p>
                <p>
                  {item.sessions_left !== null && item.sessions_left !== undefined
                    ? t("sold.sessionsLeft", { n: formatNumber(item.sessions_left, language) })
                    : t("sold.balance", { balance: formatMoney(item.balance ?? 0, item.currency, language) })}
                </p>
                <span className="chip">{t(`sold.status.${item.status}`)}</span>
              </div>
              {item.status === "paid" && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={refund.isPending}
                  onClick={() => refund.mutate(item.id)}
                >
                  {t("sold.refund")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
