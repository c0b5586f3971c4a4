import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import type { ApiError } from "@/lib/api-client";
import { cleanPhoneInput, toLatinDigits, toSaudiMobile } from "@/lib/phone";
import type { CodeChannel, CodeSent } from "@/types/models";

import { useChangePhone } from "../api/change-phone";
import { useRequestChangePhoneCode } from "../api/request-change-phone-code";

/**
 * Correction of the account's mobile number: the new number (validated as at sign-in), a code sent to it,
 * the code typed; the profile shows the new number once saved.
 */
export function ChangePhone() {
  const { t } = useTranslation("accounts");
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);

  if (!open) {
    return (
      <div className="stack">
        {done && (
          <Notice tone="success" live>
            <p>{t("changePhone.saved")}</p>
          </Notice>
        )}
        <div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDone(false);
              setOpen(true);
            }}
          >
            {t("changePhone.start")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ChangePhoneForm
      onCancel={() => setOpen(false)}
      onChanged={() => {
        setOpen(false);
        setDone(true);
      }}
    />
  );
}

function ChangePhoneForm({ onCancel, onChanged }: { onCancel: () => void; onChanged: () => void }) {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const requestCode = useRequestChangePhoneCode();
  const change = useChangePhone();
  const [phone, setPhone] = useState("");
  const [channel, setChannel] = useState<CodeChannel>("sms");
  const [invalid, setInvalid] = useState(false);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState("");
  const [codeEmpty, setCodeEmpty] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (sent) codeInput.current?.focus();
  }, [sent]);

  const sendCode = () => {
    const mobile = toSaudiMobile(phone);
    if (!mobile) {
      setInvalid(true);
      return;
    }
    change.reset();
    requestCode.mutate(
      { phoneNumber: mobile, channel },
      {
        onSuccess: (answer) => {
          setSent(answer);
          setCode("");
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sent) return sendCode();
    if (!code) {
      setCodeEmpty(true);
      codeInput.current?.focus();
      return;
    }
    change.mutate({ requestId: sent.request_id, code }, { onSuccess: onChanged });
  };

  const busy = requestCode.isPending || change.isPending;
  const requestError = requestCode.error as ApiError | null;
  const serverFieldError = requestError?.fieldErrors.phone_number?.[0] ?? null;
  const codeError = codeEmpty ? t("changePhone.codeRequired") : change.isError ? errorMessage(change.error) : undefined;

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="change-phone-heading">
      <h2 id="change-phone-heading" className="heading-3">
        {t("changePhone.heading")}
      </h2>
      <Field
        label={t("changePhone.newNumber")}
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
          readOnly={sent !== null}
          onChange={(event) => {
            setPhone(cleanPhoneInput(event.target.value));
            setInvalid(false);
            requestCode.reset();
          }}
        />
      </Field>
      {!sent && (
        <fieldset className="segmented">
          <legend className="field__label">{t("signIn.channel")}</legend>
          {(["sms", "whatsapp"] as const).map((option) => (
            <label key={option} className="segmented__option">
              <input
                type="radio"
                name="change-phone-channel"
                checked={channel === option}
                onChange={() => setChannel(option)}
              />
              <span>{t(`signIn.channels.${option}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {requestError && !serverFieldError && (
        <Notice tone="error" live>
          <p>{errorMessage(requestError)}</p>
        </Notice>
      )}
      {sent && (
        <>
          <Notice tone="info" live>
            <p>{t("changePhone.codeSent")}</p>
          </Notice>
          <Field label={t("changePhone.code")} error={codeError}>
            <input
              ref={codeInput}
              className="input input--ltr input--code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
              dir="ltr"
              value={code}
              onChange={(event) => {
                setCode(toLatinDigits(event.target.value).replace(/\D/g, ""));
                setCodeEmpty(false);
                change.reset();
              }}
            />
          </Field>
        </>
      )}
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {sent ? t("changePhone.save") : t("changePhone.sendCode")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t("changePhone.cancel")}
        </button>
      </div>
    </form>
  );
}
