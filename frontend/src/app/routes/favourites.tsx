import { useTranslation } from "react-i18next";

import { FavouriteSalons } from "@/features/salons/components/FavouriteSalons";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  const { t } = useTranslation("salons");
  useDocumentTitle(t("favourite.title"));
  return (
    <div className="stack">
      <h1>{t("favourite.title")}</h1>
      <FavouriteSalons />
    </div>
  );
}
