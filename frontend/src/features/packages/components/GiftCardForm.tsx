import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney, parseRiyals } from "@/lib/format/money";
import type { GiftCardConfig } from "@/types/models";

export interface GiftCardChoice {
  amount: number;
  recipientName: string;
  recipientPhone: string;
}

interface GiftCardFormProps {
  config: GiftCardConfig;
  onChoose: (choice: GiftCardChoice) => void;
}

/** The card's amount (riyals, within the allowed range) and, optionally, who it is for. */
export function GiftCardForm({ config, onChoose }: GiftCardFormProps) {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const [amount, setAmount] = useState("");
  const [recipientName, setRecipientName] = useState("");
  const [recipientPhone, setRecipientPhone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const min = formatMoney(config.min_amount, config.currency, language);
  const max = formatMoney(config.max_amount, config.currency, language);

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const halalas = parseRiyals(amount);
        if (halalas === null || halalas < config.min_amount || halalas > config.max_amount) {
          setError(t("giftCard.amountError", { min, max }));
          return;
        }
        setError(null);
        onChoose({ amount: halalas, recipientName: recipientName.trim(), recipientPhone: recipientPhone.trim() });
      }}
    >
      <Field label={t("giftCard.amount")} hint={t("giftCard.amountHint", { min, max })} error={error}>
        <input
          className="input"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </Field>
      <Field label={t("giftCard.recipientName")}>
        <input
          className="input"
          dir="auto"
          maxLength={150}
          value={recipientName}
          onChange={(event) => setRecipientName(event.target.value)}
        />
      </Field>
      <Field label={t("giftCard.recipientPhone")} hint={t("giftCard.recipientPhoneHint")}>
        <input
          className="input"
          type="tel"
          dir="ltr"
          maxLength={32}
          value={recipientPhone}
          onChange={(event) => setRecipientPhone(event.target.value)}
        />
      </Field>
      <button type="submit" className="button button--block">
        {t("giftCard.continue")}
      </button>
    </form>
  );
}
