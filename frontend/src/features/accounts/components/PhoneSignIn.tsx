import "../accounts.css";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useCountdown } from "@/hooks/use-countdown";
import { useLanguage } from "@/hooks/use-language";
import { type ApiError, isApiError } from "@/lib/api-client";
import { session } from "@/lib/auth/session";
import { formatCountdown } from "@/lib/format/time";
import { cleanPhoneInput, formatPhoneForDisplay, toLatinDigits, toSaudiMobile } from "@/lib/phone";
import type { CodeChannel, CodeSent, SignIn } from "@/types/models";

import { useRequestCode } from "../api/request-code";
import { useSaveAccountLanguage, useUpdateMe } from "../api/update-me";
import { useVerifyCode } from "../api/verify-code";
import { forgetPendingCode, readPendingCode, savePendingCode } from "../pending-code";

const RATE_LIMIT_CODES = new Set(["otp_cooldown", "otp_too_many_requests", "otp_ip_limited", "throttled"]);
/** Codes after which the current code cannot work any more: ask for a new one. */
const NEW_CODE_NEEDED = new Set(["otp_expired", "otp_used", "otp_superseded", "otp_attempts_exceeded"]);

interface PhoneSignInProps {
  /** Right before the session starts (the flow can keep this component on screen for the name step). */
  onVerified?: (result: SignIn) => void;
  /** Signed in, and the name given for a new account. */
  onComplete?: () => void;
}

interface SentCode extends CodeSent {
  phoneNumber: string;
  channel: CodeChannel;
}

function restoreSentCode(): SentCode | null {
  const pending = readPendingCode();
  if (!pending) return null;
  const { phone, ...code } = pending;
  return { ...code, phoneNumber: phone };
}

function useRateLimit() {
  const [limit, setLimit] = useState<{ until: number; waitSeconds: number } | null>(null);
  const seconds = useCountdown(limit?.until);
  return {
    seconds,
    /** The wait the server asked for when the limit began (for a sentence that does not tick). */
    waitSeconds: limit?.waitSeconds ?? 0,
    /** A limit was hit and has not been followed by another try yet (it may be over). */
    hit: limit !== null,
    limitFrom(error: unknown) {
      if (isApiError(error) && RATE_LIMIT_CODES.has(error.code) && error.retryAfter)
        setLimit({ until: Date.now() + error.retryAfter * 1000, waitSeconds: error.retryAfter });
    },
    clear: () => setLimit(null),
  };
}

/** Sign in with a one-time code sent by SMS or WhatsApp, in place (the page around it stays). */
export function PhoneSignIn({ onVerified, onComplete }: PhoneSignInProps) {
  const language = useLanguage();
  const saveAccountLanguage = useSaveAccountLanguage();
  // After a reload, the code that is on its way can still be typed in.
  const [sent, setSent] = useState<SentCode | null>(restoreSentCode);
  const [askName, setAskName] = useState(false);

  const codeSent = (next: SentCode) => {
    savePendingCode({
      request_id: next.request_id,
      phone: next.phoneNumber,
      channel: next.channel,
      expires_at: next.expires_at,
      resend_available_at: next.resend_available_at,
    });
    setSent(next);
  };

  if (askName) return <NameStep onDone={() => onComplete?.()} />;
  if (!sent) return <PhoneStep onSent={codeSent} />;
  return (
    <CodeStep
      sent={sent}
      onResent={codeSent}
      onChangeNumber={() => {
        forgetPendingCode();
        setSent(null);
      }}
      onVerified={(result) => {
        forgetPendingCode();
        const needsName = result.created || !result.user.first_name;
        if (needsName) setAskName(true);
        onVerified?.(result);
        session.signIn(result.access);
        // The account speaks the language on screen (the server's answers, its text messages).
        saveAccountLanguage(language);
        if (!needsName) onComplete?.();
      }}
    />
  );
}

function PhoneStep({ onSent }: { onSent: (sent: SentCode) => void }) {
  const { t } = useTranslation("accounts");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const requestCode = useRequestCode();
  const rateLimit = useRateLimit();
  const [phone, setPhone] = useState("");
  const [channel, setChannel] = useState<CodeChannel>("sms");
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mobile = toSaudiMobile(phone);
    if (!mobile) {
      setInvalid(true);
      return;
    }
    rateLimit.clear();
    requestCode.mutate(
      { phoneNumber: mobile, channel },
      {
        onSuccess: (result) => onSent({ ...result, phoneNumber: mobile, channel }),
        onError: rateLimit.limitFrom,
      },
    );
  };

  const error = requestCode.error as ApiError | null;
  const serverFieldError = error?.fieldErrors.phone_number?.[0] ?? null;
  const limited = rateLimit.seconds > 0;

  return (
    <form className="sign-in stack" onSubmit={submit} noValidate>
      <Field
        label={t("signIn.phone")}
        hint={t("signIn.phoneHint")}
        error={invalid ? t("signIn.phoneInvalid") : serverFieldError}
      >
        <input
          className="input input--ltr"
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          dir="ltr"
          placeholder="05XXXXXXXX"
          maxLength={20}
          value={phone}
          onChange={(event) => {
            setPhone(cleanPhoneInput(event.target.value));
            setInvalid(false);
          }}
        />
      </Field>
      <fieldset className="segmented">
        <legend className="field__label">{t("signIn.channel")}</legend>
        {(["sms", "whatsapp"] as const).map((option) => (
          <label key={option} className="segmented__option">
            <input type="radio" name="channel" checked={channel === option} onChange={() => setChannel(option)} />
            <span>{t(`signIn.channels.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {/*
        One stable live region for the rate limit: a fixed sentence when it starts, another when it
        ends. The notice with the ticking time is for the eyes only.
      */}
      <p role="status" className="visually-hidden">
        {rateLimit.hit
          ? limited
            ? t("signIn.rateLimitedStatus", { time: formatCountdown(rateLimit.waitSeconds, language) })
            : t("signIn.rateLimitOver")
          : ""}
      </p>
      {rateLimit.hit ? (
        <div aria-hidden="true">
          <Notice tone={limited ? "warning" : "info"}>
            <p>
              {limited
                ? t("signIn.rateLimited", { time: formatCountdown(rateLimit.seconds, language) })
                : t("signIn.rateLimitOver")}
            </p>
          </Notice>
        </div>
      ) : (
        error &&
        !serverFieldError && (
          <Notice tone="error" live>
            <p>{errorMessage(error)}</p>
          </Notice>
        )
      )}
      <button type="submit" className="button button--block" disabled={requestCode.isPending || limited}>
        {requestCode.isPending ? t("signIn.sending") : t("signIn.sendCode")}
      </button>
    </form>
  );
}

interface CodeStepProps {
  sent: SentCode;
  onResent: (sent: SentCode) => void;
  onChangeNumber: () => void;
  onVerified: (result: SignIn) => void;
}

function CodeStep({ sent, onResent, onChangeNumber, onVerified }: CodeStepProps) {
  const { t } = useTranslation("accounts");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const verify = useVerifyCode();
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

function NameStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const updateMe = useUpdateMe();
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!firstName.trim()) {
      setMissing(true);
      return;
    }
    updateMe.mutate({ first_name: firstName.trim(), last_name: lastName.trim() }, { onSuccess: onDone });
  };

  return (
    <form className="sign-in stack" onSubmit={submit} noValidate>
      <p className="sign-in__welcome">{t("signIn.welcome")}</p>
      <Field label={t("profile.firstName")} error={missing ? t("signIn.firstNameRequired") : null}>
        <input
          className="input"
          autoComplete="given-name"
          maxLength={150}
          value={firstName}
          onChange={(event) => {
            setFirstName(event.target.value);
            setMissing(false);
          }}
        />
      </Field>
      <Field label={t("profile.lastNameOptional")}>
        <input
          className="input"
          autoComplete="family-name"
          maxLength={150}
          value={lastName}
          onChange={(event) => setLastName(event.target.value)}
        />
      </Field>
      {updateMe.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(updateMe.error)}</p>
        </Notice>
      )}
      <button type="submit" className="button button--block" disabled={updateMe.isPending}>
        {t("signIn.continue")}
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        {t("signIn.skip")}
      </button>
    </form>
  );
}
