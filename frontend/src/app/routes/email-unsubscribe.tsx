import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { UnsubscribePage } from "@/features/email/components/UnsubscribePage";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** /email/unsubscribe?token=…: the unsubscribe link of our emails (no sign-in needed). */
export function Component() {
  const { t } = useTranslation("email");
  const [params] = useSearchParams();
  useDocumentTitle(t("unsubscribe.title"));

  return (
    <div className="stack narrow">
      <h1>{t("unsubscribe.title")}</h1>
      <UnsubscribePage token={params.get("token") ?? ""} />
    </div>
  );
}
