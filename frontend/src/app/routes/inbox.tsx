import { useTranslation } from "react-i18next";

import { Inbox } from "@/features/notifications/components/Inbox";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  const { t } = useTranslation("notifications");
  useDocumentTitle(t("title"));
  return (
    <div className="stack narrow">
      <h1>{t("title")}</h1>
      <Inbox />
    </div>
  );
}
