import "../packages.css";

import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

import { useMyPackages } from "../api/list-my-packages";
import { localName } from "./names";

const ZONE = "Asia/Riyadh";

/** The profile's packages: sessions left of how many, and until when they can be booked. */
export function MyPackages() {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const packages = useMyPackages();

  return (
    <section className="stack" aria-labelledby="my-packages-heading">
      <h2 id="my-packages-heading">{t("mine.heading")}</h2>
      {packages.isPending ? (
        <LoadingState />
      ) : packages.isError ? (
        <ErrorState error={packages.error} onRetry={() => void packages.refetch()} />
      ) : packages.data.length === 0 ? (
        <p>{t("mine.none")}</p>
      ) : (
        <ul className="packages-list">
          {packages.data.map((item) => (
            <li
              key={item.id}
              className="card packages-item"
              aria-label={localName(language, item.package.name_ar, item.package.name_en)}
            >
              <div>
                <p className="heading-3">{localName(language, item.package.name_ar, item.package.name_en)}</p>
                <p className="packages-item__meta">{localName(language, item.salon_name_ar, item.salon_name_en)}</p>
                <p>
                  {t("mine.sessionsLeft", {
                    count: item.sessions_left,
                    n: formatNumber(item.sessions_left, language),
                    total: formatNumber(item.sessions_total, language),
                  })}
                </p>
                {item.expires_at && (
                  <p className="packages-item__meta">
                    {t("mine.expires", { date: formatDate(item.expires_at, language, ZONE, "long") })}
                  </p>
                )}
              </div>
              <span className="chip">{t(`status.${item.usable ? "usable" : item.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
