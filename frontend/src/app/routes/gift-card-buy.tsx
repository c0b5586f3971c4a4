import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useBuyGiftCard } from "@/features/packages/api/buy-gift-card";
import { useGiftCardConfig } from "@/features/packages/api/get-gift-card-config";
import { type GiftCardChoice, GiftCardForm } from "@/features/packages/components/GiftCardForm";
import { useSalon } from "@/features/salons/api/get-salon";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { parseId } from "@/lib/route-params";

import { PurchasePayment } from "../compositions/PurchasePayment";

/** `/salons/:salonId/gift-card`: the amount and the recipient, then paying for the card. */
export function Component() {
  const { t } = useTranslation("packages");
  const navigate = useNavigate();
  const salonId = parseId(useParams().salonId);
  const salon = useSalon(salonId ?? 0);
  const config = useGiftCardConfig();
  const buy = useBuyGiftCard();
  const [choice, setChoice] = useState<GiftCardChoice | null>(null);
  useDocumentTitle(t("giftCard.title"));

  if (salonId === null) return <NotFound />;
  if (salon.isPending || config.isPending) return <LoadingState />;
  if (salon.isError) return <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} />;

  return (
    <div className="stack narrow">
      <h1>{t("giftCard.title")}</h1>
      <p>{t("giftCard.intro", { salon: salon.data.name })}</p>
      {choice === null ? (
        <GiftCardForm config={config.data} onChoose={setChoice} />
      ) : (
        <PurchasePayment
          amount={choice.amount}
          currency={config.data.currency}
          busy={buy.isPending}
          error={buy.error}
          pay={(source, then) => buy.mutate({ salonId, ...choice, source }, { onSuccess: then })}
          onSettled={(purchase) => void navigate(`/purchases/return?id=${encodeURIComponent(purchase.id)}`)}
        />
      )}
    </div>
  );
}
