import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import type { ApiError } from "@/lib/api-client";
import { formatCountdown } from "@/lib/format/time";
import { cleanPhoneInput, toSaudiMobile } from "@/lib/phone";
import type { CodeChannel } from "@/types/models";

import { useRequestCode } from "../api/request-code";
import { useRateLimit } from "../hooks/use-rate-limit";
import type { SentCode } from "../hooks/use-sent-code";

/** Sign-in, first step: the Saudi mobile number and the channel (SMS or WhatsApp) for the code. */
export function PhoneStep({ onSent }: { onSent: (sent: SentCode) => void }) {
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
