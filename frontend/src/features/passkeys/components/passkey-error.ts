import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";

import { browserErrorCode } from "../webauthn";

/** The message for a failed ceremony: the browser's refusals in our words, the server's by its code. */
export function usePasskeyErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation("passkeys");
  const apiMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const browserCode = browserErrorCode(error);
      return browserCode ? t(`browserErrors.${browserCode}`) : apiMessage(error);
    },
    [t, apiMessage],
  );
}
