// PLACEHOLDER, to be replaced: the desk's Customers page is built on branch issue11-fe-b, which overwrites
// this file. It exists so that the manage area's routes (router.tsx) compile and link to it.
import { useTranslation } from "react-i18next";

import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  const { t } = useTranslation("backoffice");
  useDocumentTitle(t("sections.customers"));
  return <h1>{t("sections.customers")}</h1>;
}
