import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";

import { useVerifyEmailLink } from "../api/verify-email-link";

/** The page of the verification link mailed with the code: one click confirms the address. */
export function VerifyLinkPage({ token }: { token: string }) {
  const { t } = useTranslation("email");
  const errorMessage = useErrorMessage();
  const verify = useVerifyEmailLink();

  if (!token) {
    return <Notice tone="error" title={t("verify.noToken")} />;
  }
  if (verify.isSuccess) {
    return (
      <Notice tone="success" live title={t("verify.done")}>
        <p>
          <bdi dir="ltr">{verify.data.email}</bdi>
        </p>
      </Notice>
    );
  }
  return (
    <div className="stack">
      <p>{t("verify.explain")}</p>
      {verify.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(verify.error)}</p>
        </Notice>
      )}
      <button type="button" className="button" disabled={verify.isPending} onClick={() => verify.mutate(token)}>
        {t("verify.confirm")}
      </button>
    </div>
  );
}
