import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useCountdown } from "@/hooks/use-countdown";
import { useLanguage } from "@/hooks/use-language";
import type { ApiError } from "@/lib/api-client";
import { formatCountdown } from "@/lib/format/time";
import { formatPhoneForDisplay, toLatinDigits } from "@/lib/phone";
import type { SignIn } from "@/types/models";

import { useRequestCode } from "../api/request-code";
import { useVerifyCode, type VerifyCode } from "../api/verify-code";
import { useRateLimit } from "../hooks/use-rate-limit";
import type { SentCode } from "../hooks/use-sent-code";

/** Codes after which the current code cannot work any more: ask for a new one. */
const NEW_CODE_NEEDED = new Set(["otp_expired", "otp_used", "otp_superseded", "otp_attempts_exceeded"]);

interface CodeStepProps {
  sent: SentCode;
  onResent: (sent: SentCode) => void;
  onChangeNumber: () => void;
  onVerified: (result: SignIn) => void;
  /** Checks the code (default: the phone sign-in). */
  verify?: VerifyCode;
}

/** Sign-in, second step: the code that was sent, a new one after the cooldown, or another number. */
export function CodeStep({ sent, onResent, onChangeNumber, onVerified, verify: checkCode }: CodeStepProps) {
  const { t } = useTranslation("accounts");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const verify = useVerifyCode(checkCode);
  const resend = useRequestCode();
  const rateLimit = useRateLimit();
  const resendIn = useCountdown(sent.resend_available_at);
  const [code, setCode] = useState("");
  const [empty, setEmpty] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => codeInput.current?.focus(), [sent.request_id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code) {
      setEmpty(true);
      return;
    }
    verify.mutate({ requestId: sent.request_id, code }, { onSuccess: onVerified });
  };

  const requestNewCode = () => {
    verify.reset();
    setCode("");
    resend.mutate(
      { phoneNumber: sent.phoneNumber, channel: sent.channel },
      {
        onSuccess: (result) => onResent({ ...result, phoneNumber: sent.phoneNumber, channel: sent.channel }),
        onError: rateLimit.limitFrom,
      },
    );
  };

  const error = verify.error as ApiError | null;
  const wrongCode = error?.code === "otp_invalid" || error?.code === "invalid_code";
  const needsNewCode = error !== null && NEW_CODE_NEEDED.has(error.code);
  const waitSeconds = Math.max(resendIn, rateLimit.seconds);
  const codeError = empty ? t("signIn.codeRequired") : wrongCode ? errorMessage(error) : null;

  return (
    <form className="sign-in stack" onSubmit={submit} noValidate>
      <p className="sign-in__sent" role="status">
        {t(`signIn.sentTo.${sent.channel}`)} <bdi dir="ltr">{formatPhoneForDisplay(sent.phoneNumber)}</bdi>
      </p>
      <Field label={t("signIn.code")} error={codeError}>
        <input
          ref={codeInput}
          className="input input--ltr input--code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={8}
          value={code}
          onChange={(event) => {
            setCode(toLatinDigits(event.target.value).replace(/\D/g, ""));
            setEmpty(false);
          }}
        />
      </Field>
      {needsNewCode && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      {error && !wrongCode && !needsNewCode && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      {resend.isError && !rateLimit.seconds && (
        <Notice tone="error" live>
          <p>{errorMessage(resend.error)}</p>
        </Notice>
      )}
      {resend.isSuccess && <Notice tone="success" live title={t("signIn.resent")} />}
      <button type="submit" className="button button--block" disabled={verify.isPending || needsNewCode}>
        {verify.isPending ? t("signIn.verifying") : t("signIn.verify")}
      </button>
      <div className="sign-in__secondary">
        <button
          type="button"
          className={needsNewCode ? "button button--secondary" : "link-button"}
          onClick={requestNewCode}
          disabled={waitSeconds > 0 || resend.isPending}
        >
          {waitSeconds > 0
            ? t("signIn.resendIn", { time: formatCountdown(waitSeconds, language) })
            : t("signIn.resend")}
        </button>
        <button type="button" className="link-button" onClick={onChangeNumber}>
          {t("signIn.changeNumber")}
        </button>
      </div>
    </form>
  );
}
