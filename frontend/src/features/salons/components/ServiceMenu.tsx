import "../salons.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useFormatDuration } from "@/hooks/use-format-duration";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import type { ServiceGroup } from "@/types/models";

interface ServiceMenuProps {
  categories: ServiceGroup[];
  /** Where "Book" leads for a service. */
  bookingHref: (serviceId: number) => string;
}

/** Services by category with duration and VAT-inclusive price, each with a "Book" link. */
export function ServiceMenu({ categories, bookingHref }: ServiceMenuProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const formatDuration = useFormatDuration();
  return (
    <div className="service-menu">
      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`category-${category.id}`}>
          <h3 id={`category-${category.id}`} className="service-menu__category">
            {category.name}
          </h3>
          <ul className="service-list">
            {category.services.map((service) => (
              <li key={service.id} className="service-row">
                <div className="service-row__text">
                  <p className="service-row__name">{service.name}</p>
                  {service.description && (
                    <p className="service-row__description" dir="auto">
                      {service.description}
                    </p>
                  )}
                  <p className="service-row__meta">
                    <span>{formatDuration(service.duration_minutes)}</span>
                    <span aria-hidden="true"> · </span>
                    <span>
                      {formatMoney(service.price.amount, service.price.currency, language, {
                        wholeWithoutDecimals: true,
                      })}
                    </span>
                    <span className="service-row__vat">{t("vatIncluded")}</span>
                  </p>
                </div>
                <Link
                  to={bookingHref(service.id)}
                  className="button button--small"
                  aria-label={t("salon.bookService", { service: service.name })}
                >
                  {t("salon.book")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
