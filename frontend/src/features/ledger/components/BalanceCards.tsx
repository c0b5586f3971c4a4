import "../ledger.css";

import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import type { Balance } from "@/types/models";

interface BalanceCardsProps {
  balance: Balance;
  /** Where the payout details form is (`#id`), for the notice shown while payouts are off. */
  payoutDetailsHref: string;
}

/** 1000 basis points → "10", 1250 → "12.5": the commission rate in the UI's digits. */
function percentOf(bps: number, language: ReturnType<typeof useLanguage>): string {
  const decimals = bps % 100 === 0 ? 0 : bps % 10 === 0 ? 1 : 2;
  return formatNumber(bps / 100, language, decimals);
}

/** What the platform owes the salon and what it paid out, with the rules behind each figure. */
export function BalanceCards({ balance, payoutDetailsHref }: BalanceCardsProps) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const money = (halalas: number) => formatMoney(halalas, balance.currency, language);

  const cards = [
    {
      key: "available",
      label: t("balance.available"),
      value: money(balance.available),
      hint: balance.available < 0 ? t("balance.availableNegative") : t("balance.availableHint"),
      tone: balance.available < 0 ? "negative" : "primary",
    },
    {
      key: "pending",
      label: t("balance.pending"),
      value: money(balance.pending),
      hint: t("balance.pendingHint", {
        count: balance.refund_window_hours,
        n: formatNumber(balance.refund_window_hours, language),
      }),
      tone: "wide",
    },
    {
      key: "in-transit",
      label: t("balance.inTransit"),
      value: money(balance.in_transit),
      hint: t("balance.inTransitHint"),
    },
    { key: "paid-out", label: t("balance.paidOut"), value: money(balance.paid_out), hint: t("balance.paidOutHint") },
    {
      key: "commission",
      label: t("balance.commission"),
      value: t("balance.commissionRate", { rate: percentOf(balance.commission_rate_bps, language) }),
      hint: t("balance.commissionHint"),
    },
    {
      key: "minimum",
      label: t("balance.minimum"),
      value: money(balance.minimum_payout),
      hint: t("balance.minimumHint"),
    },
  ];

  return (
    <div className="stack">
      {!balance.payouts_enabled && (
        <Notice tone="warning" title={t("balance.payoutsDisabledTitle")}>
          <p>
            {t("balance.payoutsDisabled")}{" "}
            <a className="link" href={payoutDetailsHref}>
              {t("balance.addIban")}
            </a>
          </p>
        </Notice>
      )}
      <p className="ledger-owed">{t("balance.owed", { amount: money(balance.balance) })}</p>
      <dl className="ledger-cards">
        {cards.map((card) => (
          <div key={card.key} className={`card ledger-card${card.tone ? ` ledger-card--${card.tone}` : ""}`}>
            <dt className="ledger-card__label">{card.label}</dt>
            <dd className="ledger-card__value">{card.value}</dd>
            <dd className="ledger-card__hint">{card.hint}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
