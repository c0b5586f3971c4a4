import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** "<page> · صالون" as the tab title (and what screen readers announce on navigation). */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t("appName")}` : t("appName");
  }, [title, t]);
}
