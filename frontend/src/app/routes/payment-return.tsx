import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { PaymentOutcome } from "@/features/payments/components/PaymentOutcome";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** Where the gateway sends the browser back (?id=&status=&message=); only `id` is used. */
export function Component() {
  const { t } = useTranslation("payments");
  const [params] = useSearchParams();
  useDocumentTitle(t("return.title"));
  return (
    <div className="stack narrow">
      <h1>{t("return.title")}</h1>
      <PaymentOutcome paymentId={params.get("id")} />
    </div>
  );
}
