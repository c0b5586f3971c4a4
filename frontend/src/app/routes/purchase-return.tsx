import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { PurchaseOutcome } from "@/features/packages/components/PurchaseOutcome";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** Where the gateway sends the browser back after paying for a package or a gift card (`?id=`). */
export function Component() {
  const { t } = useTranslation("packages");
  const [params] = useSearchParams();
  useDocumentTitle(t("return.title"));
  return (
    <div className="stack narrow">
      <h1>{t("return.title")}</h1>
      <PurchaseOutcome purchaseId={params.get("id")} />
    </div>
  );
}
