import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";

import { useAddPasskey } from "../api/add-passkey";
import { usePasskeys } from "../api/get-passkeys";
import { useRemovePasskey } from "../api/remove-passkey";
import { completePasskeyOffer } from "../offer";
import { supportsPasskeys } from "../webauthn";
import { usePasskeyErrorMessage } from "./passkey-error";

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The profile's passkeys: name, added, last used, remove; and adding one where the browser can. */
export function PasskeyList() {
  const { t } = useTranslation("passkeys");
  const language = useLanguage();
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const remove = useRemovePasskey();
  const errorMessage = usePasskeyErrorMessage();
  const date = (iso: string) => formatDate(iso, language, ZONE, "long");

  return (
    <section className="stack" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("list.title")}</h2>
      <p>{t("list.intro")}</p>
      {passkeys.isPending ? (
        <LoadingState />
      ) : passkeys.isError ? (
        <ErrorState error={passkeys.error} onRetry={() => void passkeys.refetch()} />
      ) : passkeys.data.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul className="stack" aria-label={t("list.title")}>
          {passkeys.data.map((passkey) => (
            <li key={passkey.id} className="actions">
              <div>
                <p>{passkey.name || t("list.unnamed")}</p>
                <p>
                  {t("list.added", { date: date(passkey.created_at) })}
                  {" · "}
                  {passkey.last_used_at
                    ? t("list.lastUsed", { date: date(passkey.last_used_at) })
                    : t("list.neverUsed")}
                </p>
              </div>
              <button
                type="button"
                className="button button--secondary"
                disabled={remove.isPending}
                aria-label={t("list.removeNamed", { name: passkey.name || t("list.unnamed") })}
                onClick={() => remove.mutate(passkey.id)}
              >
                {t("list.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(add.isError || remove.isError) && (
        <Notice tone="error" live>
          <p>{errorMessage(add.error ?? remove.error)}</p>
        </Notice>
      )}
      {add.isSuccess && (
        <Notice tone="success" live>
          <p>{t("list.added_notice")}</p>
        </Notice>
      )}
      {supportsPasskeys() && (
        <div>
          <button
            type="button"
            className="button"
            disabled={add.isPending}
            onClick={() => add.mutate({}, { onSuccess: completePasskeyOffer })}
          >
            {t("list.add")}
          </button>
        </div>
      )}
    </section>
  );
}
