import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useFormatDuration } from "@/hooks/use-format-duration";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { formatCountdown } from "@/lib/format/time";
import { toLatinDigits } from "@/lib/phone";
import type { PayoutCodeSent, PayoutDetails } from "@/types/models";

import { useRequestPayoutCode } from "../api/request-payout-code";
import { useUpdatePayoutDetails } from "../api/update-payout-details";
import { CODE_ERRORS, isFieldError, serverFieldError } from "../forms";
import { useCodeWait } from "../hooks/use-code-wait";
import { isSaudiIban, normalizeIban } from "../iban";

interface IbanFormProps {
  salonId: number;
  onSaved: (details: PayoutDetails) => void;
  onCancel: () => void;
}

/**
 * A new IBAN redirects the salon's money, so it needs a fresh one-time code sent to the manager's own
 * phone: type the IBAN (checked here first, so no code is wasted on a typo), "Send code", type the code,
 * save. The API answers `invalid_iban` on the IBAN, `code_invalid` / `code_required` on the code.
 */
export function IbanForm({ salonId, onSaved, onCancel }: IbanFormProps) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const formatDuration = useFormatDuration();
  const requestCode = useRequestPayoutCode(salonId);
  const update = useUpdatePayoutDetails(salonId);
  const wait = useCodeWait();
  const [iban, setIban] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<PayoutCodeSent | null>(null);
  const [ibanProblem, setIbanProblem] = useState(false);
  const [codeEmpty, setCodeEmpty] = useState(false);
  const ibanInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => ibanInput.current?.focus(), []);
  useEffect(() => {
    if (sent) codeInput.current?.focus();
  }, [sent]);

  const sendCode = () => {
    update.reset();
    requestCode.mutate(undefined, {
      onSuccess: (answer) => {
        setSent(answer);
        setCode("");
        setCodeEmpty(false);
      },
      onError: wait.from,
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isSaudiIban(iban)) {
      setIbanProblem(true);
      ibanInput.current?.focus();
      return;
    }
    if (!sent) return sendCode();
    if (!code) {
      setCodeEmpty(true);
      codeInput.current?.focus();
      return;
    }
    update.mutate({ iban: normalizeIban(iban), code }, { onSuccess: onSaved });
  };

  const ibanError = ibanProblem ? t("details.ibanInvalid") : serverFieldError(update.error, "iban");
  const codeError = codeEmpty
    ? t("details.codeRequired")
    : isApiError(update.error) && CODE_ERRORS.has(update.error.code)
      ? errorMessage(update.error)
      : serverFieldError(update.error, "code");
  const busy = requestCode.isPending || update.isPending;

  return (
    <form className="stack ledger-iban-form" onSubmit={submit} noValidate aria-labelledby="ledger-iban-form">
      <h4 id="ledger-iban-form">{t("details.newIbanHeading")}</h4>
      <p className="ledger-muted">{t("details.codeWhy")}</p>
      <Field label={t("details.newIban")} hint={t("details.ibanHint")} error={ibanError}>
        <input
          ref={ibanInput}
          className="input input--ltr ledger-iban-input"
          type="text"
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          placeholder="SA00 0000 0000 0000 0000 0000"
          value={iban}
          onChange={(event) => {
            setIban(event.target.value);
            setIbanProblem(false);
          }}
        />
      </Field>
      {sent && (
        <>
          <Notice tone="info" live>
            <p>{t("details.codeSent", { duration: formatDuration(Math.max(1, Math.round(sent.expires_in / 60))) })}</p>
          </Notice>
          <Field label={t("details.code")} error={codeError}>
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
                setCodeEmpty(false);
              }}
            />
          </Field>
        </>
      )}
      {requestCode.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(requestCode.error)}</p>
        </Notice>
      )}
      {update.isError && !isFieldError(update.error, ["iban", "code"]) && (
        <Notice tone="error" live>
          <p>{errorMessage(update.error)}</p>
        </Notice>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || (!sent && wait.seconds > 0)}>
          {!sent
            ? requestCode.isPending
              ? t("details.sendingCode")
              : wait.seconds > 0
                ? t("details.sendCodeIn", { time: formatCountdown(wait.seconds, language) })
                : t("details.sendCode")
            : update.isPending
              ? t("details.saving")
              : t("details.saveIban")}
        </button>
        {sent && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy || wait.seconds > 0}
            onClick={sendCode}
          >
            {wait.seconds > 0
              ? t("details.resendIn", { time: formatCountdown(wait.seconds, language) })
              : t("details.resend")}
          </button>
        )}
        <button type="button" className="link-button" onClick={onCancel} disabled={update.isPending}>
          {t("details.cancel")}
        </button>
      </div>
    </form>
  );
}
