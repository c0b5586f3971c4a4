import "../accounts.css";

import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import type { ConsentChannel, ConsentPurpose } from "@/types/models";

import { useConsents } from "../api/get-consents";
import { useUpdateConsents } from "../api/update-consents";

const PURPOSES: ConsentPurpose[] = ["reminders", "marketing"];
const CHANNELS: ConsentChannel[] = ["sms", "whatsapp", "email"];

/**
 * "Messages and privacy": which messages the person agrees to, per purpose and channel. Booking
 * messages are part of the service and always on; reminders and marketing switch per channel, at
 * once (the switch moves back if the server refuses).
 */
export function ConsentSettings() {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const consents = useConsents();
  const update = useUpdateConsents();

  return (
    <section className="stack" aria-labelledby="consents-title">
      <h2 id="consents-title">{t("consents.title")}</h2>
      <p className="field__hint">{t("consents.intro")}</p>
      {consents.isPending ? (
        <LoadingState />
      ) : consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        <>
          <fieldset className="stack consents__group">
            <legend>{t("consents.purposes.booking.title")}</legend>
            <label className="check">
              <input type="checkbox" role="switch" checked disabled aria-describedby="consents-booking-hint" />
              <span>{t("consents.alwaysOn")}</span>
            </label>
            <p className="field__hint" id="consents-booking-hint">
              {t("consents.purposes.booking.hint")}
            </p>
          </fieldset>
          {PURPOSES.map((purpose) => (
            <fieldset key={purpose} className="stack consents__group" aria-describedby={`consents-${purpose}-hint`}>
              <legend>{t(`consents.purposes.${purpose}.title`)}</legend>
              <p className="field__hint" id={`consents-${purpose}-hint`}>
                {t(`consents.purposes.${purpose}.hint`)}
              </p>
              {CHANNELS.map((channel) => (
                <label key={channel} className="check">
                  <input
                    type="checkbox"
                    role="switch"
                    aria-label={t("consents.switchLabel", {
                      purpose: t(`consents.purposes.${purpose}.title`),
                      channel: t(`consents.channels.${channel}`),
                    })}
                    checked={consents.data[purpose][channel]}
                    onChange={(event) => update.mutate({ [purpose]: { [channel]: event.target.checked } })}
                  />
                  <span>{t(`consents.channels.${channel}`)}</span>
                </label>
              ))}
            </fieldset>
          ))}
          {update.isError && (
            <Notice tone="error" live title={t("consents.notSaved")}>
              <p>{errorMessage(update.error)}</p>
            </Notice>
          )}
          <p className="field__hint">{t("consents.stopHint")}</p>
        </>
      )}
    </section>
  );
}
