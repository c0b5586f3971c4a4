import "../packages.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";

import { useSalonPackages } from "../api/list-salon-packages";
import { localName } from "./names";

interface SalonPackagesProps {
  salonId: number;
  buyHref: (packageId: number) => string;
  giftCardHref: string;
}

/** The salon page's packages on sale, and the gift card to buy. Nothing while loading or on an error. */
export function SalonPackages({ salonId, buyHref, giftCardHref }: SalonPackagesProps) {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const packages = useSalonPackages(salonId);

  return (
    <section className="stack" aria-labelledby="salon-packages-heading">
      <h2 id="salon-packages-heading">{t("salon.heading")}</h2>
      {packages.data && packages.data.length > 0 && (
        <ul className="packages-list">
          {packages.data.map((item) => (
            <li key={item.id} className="card packages-item">
              <div>
                <p className="heading-3">{localName(language, item.name_ar, item.name_en)}</p>
                <p className="packages-item__meta">
                  {t("salon.sessionsOf", {
                    count: item.sessions,
                    n: formatNumber(item.sessions, language),
                    service: localName(language, item.service_name_ar, item.service_name_en),
                  })}{" "}
                  · {t("salon.validFor", { count: item.validity_days, n: formatNumber(item.validity_days, language) })}
                </p>
                <p>
                  <bdi>{formatMoney(item.price_amount, item.currency, language)}</bdi>
                </p>
              </div>
              <Link className="button" to={buyHref(item.id)}>
                {t("salon.buy")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="card packages-item">
        <div>
          <p className="heading-3">{t("salon.giftCardTitle")}</p>
          <p className="packages-item__meta">{t("salon.giftCardText")}</p>
        </div>
        <Link className="button button--secondary" to={giftCardHref}>
          {t("salon.giftCardBuy")}
        </Link>
      </div>
    </section>
  );
}
