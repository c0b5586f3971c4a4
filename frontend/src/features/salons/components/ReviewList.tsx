import "../salons.css";

import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Stars } from "@/components/Stars";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";

import { useReviews } from "../api/list-reviews";

export function ReviewList({ salonId, timeZone }: { salonId: number; timeZone: string }) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const reviews = useReviews(salonId);

  if (reviews.isPending) return <LoadingState />;
  if (reviews.isError) return <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const items = reviews.data.pages.flatMap((page) => page.results);
  if (items.length === 0) return <EmptyState icon="star" title={t("reviews.empty")} />;

  return (
    <>
      <ul className="review-list">
        {items.map((review) => (
          <li key={review.id} className="review">
            <div className="review__header">
              <span className="review__author" dir="auto">
                {review.customer_first_name}
              </span>
              <Stars rating={review.rating} />
            </div>
            <p className="review__meta">
              {review.service_name} · {formatDate(review.created_at, language, timeZone, "long")}
            </p>
            {review.comment && (
              <p className="review__comment" dir="auto">
                {review.comment}
              </p>
            )}
          </li>
        ))}
      </ul>
      {reviews.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void reviews.fetchNextPage()}
          disabled={reviews.isFetchingNextPage}
        >
          {t("reviews.more")}
        </button>
      )}
    </>
  );
}
