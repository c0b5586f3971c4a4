import "../payments.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { cleanPhoneInput, toSaudiMobile } from "@/lib/phone";
import type { Payment } from "@/types/models";

import { submitStcPayOtp } from "../api/moyasar/submit-stcpay-otp";
import { digitsOnly } from "../card";

interface StcPayFormProps {
  amount: string;
  busy: boolean;
  onMobile: (mobile: string) => void;
}

/** Step one of STC Pay: the wallet's mobile number (STC Pay then sends a code to it). */
export function StcPayForm({ amount, busy, onMobile }: StcPayFormProps) {
  const { t } = useTranslation("payments");
  const [mobile, setMobile] = useState("");
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = toSaudiMobile(mobile);
    if (!local) {
      setInvalid(true);
      return;
    }
    onMobile(local);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field
        label={t("stcpay.mobile")}
        hint={t("stcpay.mobileHint")}
        error={invalid ? t("stcpay.mobileInvalid") : null}
      >
        <input
          className="input input--ltr"
          type="tel"
          dir="ltr"
          inputMode="tel"
          autoComplete="tel-national"
          placeholder="05XXXXXXXX"
          value={mobile}
          onChange={(event) => {
            setMobile(cleanPhoneInput(event.target.value));
            setInvalid(false);
          }}
        />
      </Field>
      <button type="submit" className="button button--block button--large" disabled={busy}>
        {busy ? t("paying") : t("stcpay.pay", { amount })}
      </button>
    </form>
  );
}

/** Step two: the code STC Pay sent, posted to the payment's transaction_url at Moyasar. */
export function StcPayOtpForm({ payment, onDone }: { payment: Payment; onDone: () => void }) {
  const { t } = useTranslation("payments");
  const errorMessage = useErrorMessage();
  const [otp, setOtp] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!payment.transaction_url || !otp) return;
    setSending(true);
    setError(null);
    try {
      await submitStcPayOtp({ transactionUrl: payment.transaction_url, otp });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <p role="status">{t("stcpay.otpSent")}</p>
      <Field label={t("stcpay.otp")}>
        <input
          className="input input--ltr input--code"
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          value={otp}
          onChange={(event) => setOtp(digitsOnly(event.target.value))}
        />
      </Field>
      {error !== null && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      <button type="submit" className="button button--block" disabled={sending || !otp}>
        {sending ? t("paying") : t("stcpay.confirm")}
      </button>
    </form>
  );
}
