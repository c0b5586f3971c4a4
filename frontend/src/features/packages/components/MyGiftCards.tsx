import "../packages.css";

import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

import { useMyGiftCards } from "../api/list-my-gift-cards";
import { localName } from "./names";

const ZONE = "Asia/Riyadh";

/** The profile's gift cards (bought and received): code, balance of the amount, expiry. */
export function MyGiftCards() {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const cards = useMyGiftCards();

  return (
    <section className="stack" aria-labelledby="my-gift-cards-heading">
      <h2 id="my-gift-cards-heading">{t("cards.heading")}</h2>
      {cards.isPending ? (
        <LoadingState />
      ) : cards.isError ? (
        <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />
      ) : cards.data.length === 0 ? (
        <p>{t("cards.none")}</p>
      ) : (
        <ul className="packages-list">
          {cards.data.map((card) => (
            <li key={card.id} className="card packages-item">
              <div>
                <p className="heading-3">{localName(language, card.salon_name_ar, card.salon_name_en)}</p>
                <p>
                  {t("cards.code")}: <span className="packages-code">{card.code}</span>
                </p>
                <p>
                  {t("cards.balance", {
                    balance: formatMoney(card.balance, card.currency, language),
                    amount: formatMoney(card.initial_amount, card.currency, language),
                  })}
                </p>
                {card.expires_at && (
                  <p className="packages-item__meta">
                    {t("mine.expires", { date: formatDate(card.expires_at, language, ZONE, "long") })}
                  </p>
                )}
                {card.bought_by_me && card.recipient_name && (
                  <p className="packages-item__meta">{t("cards.for", { name: card.recipient_name })}</p>
                )}
              </div>
              <span className="chip">{t(`status.${card.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
