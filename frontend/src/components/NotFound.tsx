import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useDocumentTitle } from "@/hooks/use-document-title";

export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t("notFound.title"));
  return (
    <div className="state state--empty">
      <h1 className="state__title">{t("notFound.title")}</h1>
      <p className="state__text">{t("notFound.text")}</p>
      <Link className="button" to="/">
        {t("nav.home")}
      </Link>
    </div>
  );
}
