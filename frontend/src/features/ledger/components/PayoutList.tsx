import "../ledger.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import type { Payout } from "@/types/models";

import { PAYOUT_PAGE_SIZE, usePayouts } from "../api/list-payouts";

function PayoutItem({ payout, timeZone }: { payout: Payout; timeZone: string }) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const when = (iso: string) => <time dateTime={iso}>{formatDate(iso, language, timeZone, "long")}</time>;
  return (
    <li className="card ledger-payout">
      <div className="ledger-payout__head">
        <h3 className="ledger-payout__reference">
          <Reference>{payout.reference}</Reference>
        </h3>
        <span className={`tag ledger-status ledger-status--${payout.status}`}>
          {t(`payouts.status.${payout.status}`)}
        </span>
        <p className="ledger-payout__amount">{formatMoney(payout.amount, payout.currency, language)}</p>
      </div>
      <dl className="ledger-facts">
        <div>
          <dt>{t("payouts.iban")}</dt>
          <dd>
            <bdi dir="ltr">{payout.iban_masked || "—"}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("payouts.bankReference")}</dt>
          <dd>{payout.bank_reference ? <bdi dir="ltr">{payout.bank_reference}</bdi> : "—"}</dd>
        </div>
        <div>
          <dt>{t("payouts.createdAt")}</dt>
          <dd>{when(payout.created_at)}</dd>
        </div>
        {payout.sent_at && (
          <div>
            <dt>{t("payouts.sentAt")}</dt>
            <dd>{when(payout.sent_at)}</dd>
          </div>
        )}
        {payout.returned_at && (
          <div>
            <dt>{t("payouts.returnedAt")}</dt>
            <dd>{when(payout.returned_at)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

/** The salon's payouts, newest first: created (in transit), sent by the bank, or returned to the balance. */
export function PayoutList({ salonId, timeZone }: { salonId: number; timeZone: string }) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const [page, setPage] = useState(1);
  const payouts = usePayouts(salonId, page);
  const pages = payouts.data ? Math.max(1, Math.ceil(payouts.data.count / PAYOUT_PAGE_SIZE)) : 1;

  return (
    <section className="stack" aria-labelledby="ledger-payouts">
      <h2 id="ledger-payouts">{t("payouts.heading")}</h2>
      {payouts.isPending ? (
        <LoadingState />
      ) : payouts.isError ? (
        <ErrorState error={payouts.error} onRetry={() => void payouts.refetch()} />
      ) : payouts.data.results.length === 0 ? (
        <EmptyState icon="wallet" title={t("payouts.empty")} description={t("payouts.emptyHint")} />
      ) : (
        <>
          <ul className="ledger-payouts" aria-busy={payouts.isPlaceholderData}>
            {payouts.data.results.map((payout) => (
              <PayoutItem key={payout.id} payout={payout} timeZone={timeZone} />
            ))}
          </ul>
          {pages > 1 && (
            <nav className="ledger-pager" aria-label={t("payouts.pages")}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={page <= 1 || payouts.isPlaceholderData}
                onClick={() => setPage(page - 1)}
              >
                <Icon name="back" size={18} />
                {t("payouts.newer")}
              </button>
              <p aria-live="polite">
                {t("payouts.pageOf", { page: formatNumber(page, language), pages: formatNumber(pages, language) })}
              </p>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={!payouts.data.next || payouts.isPlaceholderData}
                onClick={() => setPage(page + 1)}
              >
                {t("payouts.older")}
                <Icon name="forward" size={18} />
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
