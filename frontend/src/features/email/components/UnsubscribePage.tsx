import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";

import { useUnsubscribe } from "../api/unsubscribe";

/**
 * The landing page of an email's unsubscribe link. Nothing changes until the person clicks: mail
 * scanners that open links must not unsubscribe anyone (mail clients' one-click goes to the API).
 */
export function UnsubscribePage({ token }: { token: string }) {
  const { t } = useTranslation("email");
  const errorMessage = useErrorMessage();
  const unsubscribe = useUnsubscribe();

  if (!token) {
    return <Notice tone="error" title={t("unsubscribe.noToken")} />;
  }
  if (unsubscribe.isSuccess) {
    const list = unsubscribe.data.list;
    return (
      <Notice tone="success" live title={t("unsubscribe.done")}>
        <p>{list === "agenda" ? t("unsubscribe.doneAgenda") : t("unsubscribe.doneBooking")}</p>
        <p>{t("unsubscribe.undo")}</p>
      </Notice>
    );
  }
  return (
    <div className="stack">
      <p>{t("unsubscribe.explain")}</p>
      {unsubscribe.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(unsubscribe.error)}</p>
        </Notice>
      )}
      <button
        type="button"
        className="button"
        disabled={unsubscribe.isPending}
        onClick={() => unsubscribe.mutate(token)}
      >
        {t("unsubscribe.confirm")}
      </button>
    </div>
  );
}
