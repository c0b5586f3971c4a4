import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";

import { useCheckedPurchase } from "../api/refresh-purchase";

/** After the gateway: the purchase as it now stands (paid, failed, or still waiting for the gateway). */
export function PurchaseOutcome({ purchaseId }: { purchaseId: string | null }) {
  const { t } = useTranslation("packages");
  const purchase = useCheckedPurchase(purchaseId);

  if (purchaseId === null) return <Notice tone="error">{t("return.missing")}</Notice>;
  if (purchase.isPending) return <LoadingState />;
  if (purchase.isError) return <ErrorState error={purchase.error} onRetry={() => void purchase.refetch()} />;

  const { status, kind } = purchase.data;
  if (status === "paid") {
    return (
      <Notice tone="success" live title={t(kind === "package" ? "return.packagePaid" : "return.giftCardPaid")}>
        <Link className="link" to="/profile">
          {t("return.toProfile")}
        </Link>
      </Notice>
    );
  }
  if (status === "failed") {
    return (
      <Notice tone="error" live title={t("return.failed")}>
        {purchase.data.failure_message && <p>{purchase.data.failure_message}</p>}
      </Notice>
    );
  }
  return (
    <Notice tone="info" live title={t("return.waiting")}>
      <p>{t("return.waitingText")}</p>
    </Notice>
  );
}
