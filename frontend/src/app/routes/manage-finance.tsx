import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useBalance } from "@/features/ledger/api/get-balance";
import type { Period } from "@/features/ledger/api/get-statement";
import { BalanceCards } from "@/features/ledger/components/BalanceCards";
import { PAYOUT_DETAILS_ID, PayoutDetailsPanel } from "@/features/ledger/components/PayoutDetailsPanel";
import { PayoutList } from "@/features/ledger/components/PayoutList";
import { StatementPanel } from "@/features/ledger/components/StatementPanel";
import { periodFromParams } from "@/features/ledger/period";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { todayIn } from "@/lib/calendar-date";

import { useManageContext } from "../layout/manage-context";

/**
 * `/manage/:salonId/finance?from=&to=`: the salon's money. The balance, the statement of a period (in
 * the address, this month by default, on the salon's calendar), the payouts and the payout details.
 */
export function Component() {
  const { t } = useTranslation("ledger");
  const { salon } = useManageContext();
  const [params, setParams] = useSearchParams();
  const balance = useBalance(salon.id);
  useDocumentTitle(t("title"));
  const today = todayIn(salon.timezone);
  const period = periodFromParams(params, today);

  const choosePeriod = (next: Period) => {
    const search = new URLSearchParams(params);
    search.set("from", next.from);
    search.set("to", next.to);
    setParams(search, { replace: true });
  };

  return (
    <div className="stack ledger-page">
      <h1>{t("title")}</h1>
      <section className="stack" aria-labelledby="ledger-balance">
        <h2 id="ledger-balance">{t("balance.heading")}</h2>
        {balance.isPending ? (
          <LoadingState />
        ) : balance.isError ? (
          <ErrorState error={balance.error} onRetry={() => void balance.refetch()} />
        ) : (
          <BalanceCards balance={balance.data} payoutDetailsHref={`#${PAYOUT_DETAILS_ID}`} />
        )}
      </section>
      <StatementPanel
        key={salon.id}
        salonId={salon.id}
        timeZone={salon.timezone}
        period={period}
        today={today}
        onPeriod={choosePeriod}
      />
      <PayoutList key={`payouts-${salon.id}`} salonId={salon.id} timeZone={salon.timezone} />
      <PayoutDetailsPanel
        key={`details-${salon.id}`}
        salonId={salon.id}
        timeZone={salon.timezone}
        salonProfileHref={`/manage/${salon.id}/salon`}
      />
    </div>
  );
}
