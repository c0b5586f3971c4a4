import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useWaitlistOffer } from "@/features/waitlist/api/offer";
import { WaitlistOfferCard } from "@/features/waitlist/components/WaitlistOfferCard";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { isApiError } from "@/lib/api-client";
import { parseId } from "@/lib/route-params";

/** The page the waitlist's message links to: the held time, a countdown, "Book this time" or "No thanks". */
export function Component() {
  const { t } = useTranslation("waitlist");
  const navigate = useNavigate();
  const bookingId = parseId(useParams().bookingId);
  const offer = useWaitlistOffer(bookingId ?? 0);
  useDocumentTitle(t("offer.title"));

  if (bookingId === null || (isApiError(offer.error) && offer.error.status === 404)) return <NotFound />;
  if (offer.isPending) return <LoadingState />;
  if (offer.isError) return <ErrorState error={offer.error} onRetry={() => void offer.refetch()} />;

  return (
    <div className="stack narrow">
      <h1>{t("offer.title")}</h1>
      <WaitlistOfferCard
        offer={offer.data}
        onPay={(id) => void navigate(`/bookings/${id}/pay`)}
        onBooked={(id) => void navigate(`/bookings/${id}`, { state: { justBooked: true } })}
        onExpire={() => void offer.refetch()}
      />
    </div>
  );
}
