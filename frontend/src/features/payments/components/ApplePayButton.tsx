import "../payments.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";
import { halalasToDecimal } from "@/lib/format/money";
import type { Payment, PaymentConfig } from "@/types/models";

import { createPayment } from "../api/create-payment";
import { validateApplePayMerchant } from "../api/moyasar/validate-apple-pay-merchant";
import type { PayableBooking } from "./PaymentPanel";

/** Apple Pay is offered only where the browser says it can pay with it (Safari on Apple devices). */
export function canUseApplePay(): boolean {
  try {
    return Boolean(window.ApplePaySession?.canMakePayments());
  } catch {
    return false;
  }
}

interface ApplePayButtonProps {
  booking: PayableBooking;
  config: PaymentConfig;
  idempotencyKey: string;
  onPayment: (payment: Payment) => void;
}

export function ApplePayButton({ booking, config, idempotencyKey, onPayment }: ApplePayButtonProps) {
  const { t, i18n } = useTranslation("payments");
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<unknown>(null);

  const start = () => {
    const ApplePay = window.ApplePaySession;
    if (!ApplePay) return;
    setError(null);
    const applePay = new ApplePay(3, {
      countryCode: "SA",
      currencyCode: booking.currency,
      supportedNetworks: config.supported_networks,
      merchantCapabilities: ["supports3DS", "supportsDebit", "supportsCredit"],
      total: { label: booking.label, amount: halalasToDecimal(booking.amount) },
    });
    applePay.onvalidatemerchant = (event) => {
      validateApplePayMerchant({
        validationUrl: event.validationURL,
        displayName: t("applePayLabel"),
        publishableKey: config.publishable_key,
      }).then(
        (merchantSession) => applePay.completeMerchantValidation(merchantSession),
        (caught: unknown) => {
          setError(caught);
          applePay.abort();
        },
      );
    };
    applePay.onpaymentauthorized = (event) => {
      createPayment({
        bookingId: booking.id,
        source: { type: "applepay", token: JSON.stringify(event.payment.token) },
        idempotencyKey,
      }).then(
        (payment) => {
          applePay.completePayment(payment.status === "failed" ? ApplePay.STATUS_FAILURE : ApplePay.STATUS_SUCCESS);
          onPayment(payment);
        },
        (caught: unknown) => {
          applePay.completePayment(ApplePay.STATUS_FAILURE);
          setError(caught);
        },
      );
    };
    applePay.begin();
  };

  return (
    <div className="stack">
      <button
        type="button"
        className="apple-pay-button"
        lang={i18n.language}
        onClick={start}
        aria-label={t("methods.applepay")}
      />
      {error !== null && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
    </div>
  );
}
