import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";

import { useIdentities, useUnlinkIdentity } from "../api/identities";

const TIME_ZONE = "Asia/Riyadh";

/** The profile's list of linked Google and Apple sign-ins, each with "Unlink". */
export function LinkedAccounts() {
  const { t } = useTranslation("social");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const identities = useIdentities();
  const unlink = useUnlinkIdentity();

  return (
    <section className="stack" aria-labelledby="linked-accounts-title">
      <h2 id="linked-accounts-title">{t("linked.title")}</h2>
      <p>{t("linked.explain")}</p>
      {identities.isPending ? (
        <LoadingState />
      ) : identities.isError ? (
        <ErrorState error={identities.error} onRetry={() => void identities.refetch()} />
      ) : identities.data.length === 0 ? (
        <p>{t("linked.none")}</p>
      ) : (
        <ul className="stack">
          {identities.data.map((identity) => (
            <li key={identity.id} className="card stack">
              <strong>{t(`providers.${identity.provider}`)}</strong>
              {identity.email && (
                <span dir="ltr">{identity.is_private_relay ? t("linked.privateRelay") : identity.email}</span>
              )}
              <span>{t("linked.since", { date: formatDate(identity.created_at, language, TIME_ZONE, "long") })}</span>
              <button
                type="button"
                className="button button--secondary"
                disabled={unlink.isPending}
                aria-label={`${t("linked.unlink")} ${t(`providers.${identity.provider}`)}`}
                onClick={() => unlink.mutate(identity.id)}
              >
                {t("linked.unlink")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unlink.isSuccess && <Notice tone="success" live title={t("linked.unlinked")} />}
      {unlink.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(unlink.error)}</p>
        </Notice>
      )}
    </section>
  );
}
