import "../payments.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { useErrorMessage } from "@/components/error-message";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatMoney } from "@/lib/format/money";
import { randomUuid } from "@/lib/uuid";
import type { Payment, PaymentMethod, PaymentSource } from "@/types/models";

import { useCreatePayment } from "../api/create-payment";
import { usePaymentConfig } from "../api/get-payment-config";
import { ApplePayButton, canUseApplePay } from "./ApplePayButton";
import { CardForm } from "./CardForm";
import { PaymentFailureReason } from "./PaymentFailureReason";
import { StcPayForm, StcPayOtpForm } from "./StcPayForm";

export interface PayableBooking {
  id: number;
  amount: number;
  currency: string;
  /** Shown on Apple Pay's sheet. */
  label: string;
}

interface PaymentPanelProps {
  booking: PayableBooking;
  /** The payment reached a final state here (no redirect needed): show its outcome. */
  onSettled: (paymentId: string) => void;
  /** Leaves the app for 3-D Secure or the demo gateway. */
  redirect?: (url: string) => void;
  /** The API refused the payment because the booking's hold has run out (`booking_hold_expired`). */
  onHoldExpired?: () => void;
}

/** Card (tokenized with Moyasar in the browser), STC Pay, Apple Pay, or the demo gateway. */
export function PaymentPanel({
  booking,
  onSettled,
  redirect = (url) => window.location.assign(url),
  onHoldExpired,
}: PaymentPanelProps) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const config = usePaymentConfig();
  const createPayment = useCreatePayment();
  // One key per attempt: a retried request never pays twice; a new attempt gets a new key.
  const [attemptKey, setAttemptKey] = useState(randomUuid);
  const [method, setMethod] = useState<PaymentMethod>("creditcard");
  // A declined attempt, with the server's reason (already translated) when it gave one.
  const [failure, setFailure] = useState<{ reason: string } | null>(null);
  const [stcPayment, setStcPayment] = useState<Payment | null>(null);

  if (config.isPending) return <LoadingState />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;

  const amount = formatMoney(booking.amount, booking.currency, language);

  const follow = (payment: Payment) => {
    if (payment.status === "failed") {
      setFailure({ reason: payment.failure_message });
      setAttemptKey(randomUuid());
      return;
    }
    if (payment.status === "initiated" && payment.transaction_url) {
      if (payment.method === "stcpay" && !config.data.fake) setStcPayment(payment);
      else redirect(payment.transaction_url);
      return;
    }
    onSettled(payment.id);
  };

  const pay = (source: PaymentSource) => {
    setFailure(null);
    createPayment.mutate(
      { bookingId: booking.id, source, idempotencyKey: attemptKey },
      {
        onSuccess: follow,
        onError: (error) => {
          if (isApiError(error) && error.code === "booking_hold_expired") onHoldExpired?.();
          // Only a request that may not have arrived is retried with the same key.
          if (!(isApiError(error) && error.status === 0)) setAttemptKey(randomUuid());
        },
      },
    );
  };

  const methods = config.data.methods.filter((option) => option !== "applepay" || canUseApplePay());
  const busy = createPayment.isPending;

  return (
    <div className="payment-panel stack">
      {failure && (
        <Notice tone="error" live title={t("failedTitle")}>
          <p>{t("failedGeneric")}</p>
          <PaymentFailureReason reason={failure.reason} />
          <p>{t("tryAgainHint")}</p>
        </Notice>
      )}
      {createPayment.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(createPayment.error)}</p>
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
            onClick={() => pay({ type: "token", token: "fake" })}
          >
            {busy ? t("paying") : t("demo.pay", { amount })}
          </button>
        </div>
      ) : stcPayment ? (
        <StcPayOtpForm payment={stcPayment} onDone={() => onSettled(stcPayment.id)} />
      ) : (
        <>
          {methods.length > 1 && (
            <fieldset className="segmented segmented--wide">
              <legend className="field__label">{t("method")}</legend>
              {methods.map((option) => (
                <label key={option} className="segmented__option">
                  <input type="radio" name="method" checked={method === option} onChange={() => setMethod(option)} />
                  <span>{t(`methods.${option}`)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {method === "creditcard" && methods.includes("creditcard") && (
            <CardForm
              publishableKey={config.data.publishable_key}
              networks={config.data.supported_networks}
              amount={amount}
              busy={busy}
              onToken={(token) => pay({ type: "token", token })}
            />
          )}
          {method === "stcpay" && methods.includes("stcpay") && (
            <StcPayForm amount={amount} busy={busy} onMobile={(mobile) => pay({ type: "stcpay", mobile })} />
          )}
          {method === "applepay" && methods.includes("applepay") && (
            <ApplePayButton booking={booking} config={config.data} idempotencyKey={attemptKey} onPayment={follow} />
          )}
        </>
      )}
    </div>
  );
}
