import "../salons.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Icon } from "@/components/Icon";
import { Stars } from "@/components/Stars";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import { formatPhoneForDisplay } from "@/lib/phone";
import type { SalonDetail } from "@/types/models";

import { FavouriteButton } from "./FavouriteButton";
import { SalonLocation } from "./SalonLocation";
import { OpeningHours } from "./OpeningHours";
import { PriceRange } from "./PriceRange";
import { ReviewList } from "./ReviewList";
import { ServiceMenu } from "./ServiceMenu";
import { StaffList } from "./StaffList";

interface SalonProfileProps {
  salon: SalonDetail;
  bookingHref: (serviceId?: number) => string;
}

/** The salon page: photos, description, address and map, hours, cancellation policy, services, stylists, reviews. */
export function SalonProfile({ salon, bookingHref }: SalonProfileProps) {
  const { t } = useTranslation("salons");
  useDocumentTitle(salon.name);
  const language = useLanguage();
  const photos = salon.photos.filter((photo) => photo.url);
  const hours = salon.booking_policy.cancellation_window_hours;

  return (
    <article className="salon-profile">
      <header className="salon-hero">
        {salon.cover_photo_url && (
          // The largest picture of the page's first screen: fetched before anything else.
          <img
            className="salon-hero__cover"
            src={salon.cover_photo_url}
            srcSet={salon.cover_photo_srcset ?? undefined}
            sizes="(min-width: 72rem) 72rem, 100vw"
            alt=""
            width={1280}
            height={480}
            fetchPriority="high"
          />
        )}
        <div className="salon-hero__text">
          <h1 className="salon-hero__name">{salon.name}</h1>
          <p className="salon-hero__place">{t("place", { district: salon.district, city: salon.city_name })}</p>
          <div className="salon-hero__meta">
            <Stars rating={salon.rating} count={salon.review_count} />
            {salon.price_range && <PriceRange range={salon.price_range} />}
          </div>
          <ul className="tags" aria-label={t("features")}>
            <li className="tag">{t(`audience.${salon.audience}`)}</li>
            {salon.requires_prepayment && <li className="tag tag--accent">{t("prepayment")}</li>}
          </ul>
          <div className="salon-hero__actions">
            <Link className="button button--block-mobile" to={bookingHref()}>
              {t("salon.bookNow")}
            </Link>
            <FavouriteButton salon={salon} />
          </div>
        </div>
      </header>

      {photos.length > 0 && (
        <section aria-label={t("salon.photos")}>
          {/* Scrolls sideways: focusable so that keyboard users can scroll it too. */}
          <ul className="gallery" tabIndex={0} aria-label={t("salon.photos")}>
            {photos.map((photo) => (
              <li key={photo.url}>
                <img
                  src={photo.url ?? ""}
                  srcSet={photo.srcset ?? undefined}
                  sizes="min(80vw, 20rem)"
                  alt={photo.caption}
                  loading="lazy"
                  decoding="async"
                  width={480}
                  height={320}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="salon-sections">
        <section className="card" aria-labelledby="about-heading">
          <h2 id="about-heading">{t("salon.about")}</h2>
          {salon.description && <p dir="auto">{salon.description}</p>}
          <p className="salon-address">
            <Icon name="pin" />
            <span>{salon.address}</span>
          </p>
          <SalonLocation salon={salon} />
          {salon.phone_number && (
            <p>
              <a className="link" href={`tel:${salon.phone_number}`}>
                <bdi dir="ltr">{formatPhoneForDisplay(salon.phone_number)}</bdi>
              </a>
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="hours-heading">
          <h2 id="hours-heading">{t("salon.hours")}</h2>
          <OpeningHours days={salon.opening_hours} timeZone={salon.timezone} />
        </section>

        <section className="card" aria-labelledby="policy-heading">
          <h2 id="policy-heading">{t("salon.policyTitle")}</h2>
          <p>
            {hours > 0
              ? t("salon.cancellation", { count: hours, n: formatNumber(hours, language) })
              : t("salon.cancellationUntilStart")}
          </p>
          {salon.booking_policy.requires_prepayment && <p>{t("salon.prepaymentPolicy")}</p>}
        </section>

        <section className="card salon-sections__wide" aria-labelledby="services-heading">
          <h2 id="services-heading">{t("salon.services")}</h2>
          <ServiceMenu categories={salon.categories} bookingHref={(serviceId) => bookingHref(serviceId)} />
        </section>

        <section className="card" aria-labelledby="staff-heading">
          <h2 id="staff-heading">{t("salon.staff")}</h2>
          <StaffList staff={salon.staff} />
        </section>

        <section className="card" aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t("salon.reviews")}</h2>
          <ReviewList salonId={salon.id} timeZone={salon.timezone} />
        </section>
      </div>
    </article>
  );
}
