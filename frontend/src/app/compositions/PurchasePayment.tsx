import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { useErrorMessage } from "@/components/error-message";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { usePaymentConfig } from "@/features/payments/api/get-payment-config";
import { CardForm } from "@/features/payments/components/CardForm";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import type { PaymentSource, Purchase } from "@/types/models";

interface PurchasePaymentProps {
  amount: number;
  currency: string;
  busy: boolean;
  error: unknown;
  /** Starts the purchase with the source; the answer decides where the browser goes. */
  pay: (source: PaymentSource, then: (purchase: Purchase) => void) => void;
  /** Leaves the app for 3-D Secure or the demo gateway. */
  redirect?: (url: string) => void;
  onSettled: (purchase: Purchase) => void;
}

/** Paying for a package or a gift card with the payments' card form (or the demo gateway's button). */
export function PurchasePayment({
  amount,
  currency,
  busy,
  error,
  pay,
  redirect = (url) => window.location.assign(url),
  onSettled,
}: PurchasePaymentProps) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const config = usePaymentConfig();

  if (config.isPending) return <LoadingState />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;

  const formatted = formatMoney(amount, currency, language);
  const follow = (purchase: Purchase) => {
    if (purchase.status === "initiated" && purchase.transaction_url) redirect(purchase.transaction_url);
    else onSettled(purchase);
  };

  return (
    <div className="payment-panel stack">
      {error !== null && error !== undefined && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      {config.data.fake ? (
        <div className="stack">
          <Notice tone="info" title={t("demo.title")}>
            <p>{t("demo.text")}</p>
          </Notice>
          <button
            type="button"
            className="button button--block button--large"
            disabled={busy}
            onClick={() => pay({ type: "token", token: "fake" }, follow)}
          >
            {busy ? t("paying") : t("demo.pay", { amount: formatted })}
          </button>
        </div>
      ) : (
        <CardForm
          publishableKey={config.data.publishable_key}
          networks={config.data.supported_networks}
          amount={formatted}
          busy={busy}
          onToken={(token) => pay({ type: "token", token }, follow)}
        />
      )}
    </div>
  );
}
