import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { VerifyLinkPage } from "@/features/email/components/VerifyLinkPage";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** /email/verify?token=…: the verification link mailed with the code (no sign-in needed). */
export function Component() {
  const { t } = useTranslation("email");
  const [params] = useSearchParams();
  useDocumentTitle(t("verify.title"));

  return (
    <div className="stack narrow">
      <h1>{t("verify.title")}</h1>
      <VerifyLinkPage token={params.get("token") ?? ""} />
    </div>
  );
}
