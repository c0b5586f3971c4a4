import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";
import { useSession } from "@/hooks/use-session";

import { useAddPasskey } from "../api/add-passkey";
import { usePasskeys } from "../api/get-passkeys";
import { completePasskeyOffer, dismissPasskeyOffer } from "../offer";
import { usePasskeyErrorMessage } from "./passkey-error";

/** After a phone sign-in: offer to add a passkey, once; "Not now" is remembered on this device. */
export function PasskeyOffer() {
  const { t } = useTranslation("passkeys");
  const { status } = useSession();
  const signedIn = status === "signed_in";
  const passkeys = usePasskeys({ enabled: signedIn });
  const add = useAddPasskey();
  const errorMessage = usePasskeyErrorMessage();

  // Someone who already has a passkey is not asked again.
  if (!signedIn || !passkeys.isSuccess || passkeys.data.length > 0) return null;
  return (
    // A region, not a heading: it sits above the page's own h1.
    <section className="notice notice--info stack" aria-label={t("offer.title")}>
      <p className="notice__title">{t("offer.title")}</p>
      <p>{t("offer.body")}</p>
      {add.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(add.error)}</p>
        </Notice>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={add.isPending}
          onClick={() => add.mutate({}, { onSuccess: completePasskeyOffer })}
        >
          {t("offer.add")}
        </button>
        <button type="button" className="button button--secondary" onClick={dismissPasskeyOffer}>
          {t("offer.notNow")}
        </button>
      </div>
    </section>
  );
}

export default PasskeyOffer;
