import "../payments.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";

import { createCardToken } from "../api/moyasar/create-token";
import { digitsOnly, formatCardNumber, formatExpiry, isValidCardNumber, parseExpiry } from "../card";

interface CardFormProps {
  publishableKey: string;
  networks: string[];
  amount: string;
  busy: boolean;
  /** The Moyasar token of the card; the card itself never reaches our server. */
  onToken: (token: string) => void;
}

type CardField = "name" | "number" | "expiry" | "cvc";

export function CardForm({ publishableKey, networks, amount, busy, onToken }: CardFormProps) {
  const { t } = useTranslation("payments");
  const errorMessage = useErrorMessage();
  const [name, setName] = useState("");
  const [number, setNumber] = useState("");
  const [expiry, setExpiry] = useState("");
  const [cvc, setCvc] = useState("");
  const [errors, setErrors] = useState<Partial<Record<CardField, string>>>({});
  const [tokenizing, setTokenizing] = useState(false);
  const [tokenError, setTokenError] = useState<unknown>(null);

  const validate = () => {
    const found: Partial<Record<CardField, string>> = {};
    if (name.trim().split(/\s+/).length < 2) found.name = t("card.nameInvalid");
    if (!isValidCardNumber(number)) found.number = t("card.numberInvalid");
    if (!parseExpiry(expiry)) found.expiry = t("card.expiryInvalid");
    if (!/^\d{3,4}$/.test(digitsOnly(cvc))) found.cvc = t("card.cvcInvalid");
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsedExpiry = parseExpiry(expiry);
    if (!validate() || !parsedExpiry) return;
    setTokenizing(true);
    setTokenError(null);
    try {
      const token = await createCardToken({
        publishableKey,
        callbackUrl: `${window.location.origin}/payments/return`,
        card: { name: name.trim(), number: digitsOnly(number), cvc: digitsOnly(cvc), ...parsedExpiry },
      });
      onToken(token.id);
    } catch (error) {
      setTokenError(error);
    } finally {
      setTokenizing(false);
    }
  };

  const clear = (field: CardField) => setErrors((current) => ({ ...current, [field]: undefined }));

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <p className="card-networks">
        {t("card.networks", { networks: networks.map((n) => t(`networks.${n}`, { defaultValue: n })).join(" · ") })}
      </p>
      <Field label={t("card.name")} error={errors.name}>
        <input
          className="input input--ltr"
          dir="ltr"
          autoComplete="cc-name"
          maxLength={100}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            clear("name");
          }}
        />
      </Field>
      <Field label={t("card.number")} error={errors.number}>
        <input
          className="input input--ltr"
          dir="ltr"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="0000 0000 0000 0000"
          value={number}
          onChange={(event) => {
            setNumber(formatCardNumber(event.target.value));
            clear("number");
          }}
        />
      </Field>
      <div className="field-row">
        <Field label={t("card.expiry")} hint={t("card.expiryHint")} error={errors.expiry}>
          <input
            className="input input--ltr"
            dir="ltr"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            value={expiry}
            onChange={(event) => {
              setExpiry(formatExpiry(event.target.value));
              clear("expiry");
            }}
          />
        </Field>
        <Field label={t("card.cvc")} error={errors.cvc}>
          <input
            className="input input--ltr"
            dir="ltr"
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            value={cvc}
            onChange={(event) => {
              setCvc(digitsOnly(event.target.value).slice(0, 4));
              clear("cvc");
            }}
          />
        </Field>
      </div>
      {tokenError !== null && (
        <Notice tone="error" live>
          <p>{errorMessage(tokenError)}</p>
        </Notice>
      )}
      <button type="submit" className="button button--block button--large" disabled={busy || tokenizing}>
        {busy || tokenizing ? t("paying") : t("card.pay", { amount })}
      </button>
      {/* True of this form only: the card goes from the browser to Moyasar, we get a token. */}
      <p className="card-form__secure">{t("secure")}</p>
    </form>
  );
}
