import "../salons.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Icon } from "@/components/Icon";
import { Stars } from "@/components/Stars";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import type { SalonSummary } from "@/types/models";

import { FavouriteButton } from "./FavouriteButton";
import { PriceRange } from "./PriceRange";

// The card's width: the page's column on a phone, a grid cell (at most about 24rem) from 48rem.
const CARD_SIZES = "(min-width: 48rem) 24rem, 100vw";

/** `priority`: the first cards load their photo at once (they are on screen). */
export function SalonCard({ salon, priority = false }: { salon: SalonSummary; priority?: boolean }) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  return (
    <article className="salon-card">
      <Link to={`/salons/${salon.id}`} className="salon-card__link">
        <div className="salon-card__media">
          {salon.cover_photo_url ? (
            <img
              src={salon.cover_photo_url}
              srcSet={salon.cover_photo_srcset ?? undefined}
              sizes={CARD_SIZES}
              alt=""
              loading={priority ? "eager" : "lazy"}
              fetchPriority={priority ? "high" : "auto"}
              decoding="async"
              width={640}
              height={360}
            />
          ) : (
            <div className="salon-card__placeholder" aria-hidden="true" />
          )}
        </div>
        <div className="salon-card__body">
          <h3 className="salon-card__name">{salon.name}</h3>
          <p className="salon-card__place">
            <span>{t("place", { district: salon.district, city: salon.city_name })}</span>{" "}
            {salon.distance_km !== null && (
              // Its own piece beside the place: a separator dot would read as an Arabic zero.
              <span className="salon-card__distance">
                <Icon name="pin" />
                {t("distance", { distance: formatNumber(salon.distance_km, language, 1) })}
              </span>
            )}
          </p>
          <div className="salon-card__meta">
            <Stars rating={salon.rating} count={salon.review_count} />
            {salon.price_range && (
              <span className="salon-card__price">
                <PriceRange range={salon.price_range} />
              </span>
            )}
          </div>
          <ul className="tags" aria-label={t("features")}>
            <li className="tag">{t(`audience.${salon.audience}`)}</li>
            {salon.requires_prepayment && <li className="tag tag--accent">{t("prepayment")}</li>}
          </ul>
        </div>
      </Link>
      {/* Beside the link, not inside it: a control cannot be part of a link. */}
      <FavouriteButton salon={salon} className="salon-card__favourite" />
    </article>
  );
}
