import { useCallback } from "react";
import { useTranslation } from "react-i18next";

import { isApiError } from "@/lib/api-client";
import type errorCatalogue from "@/locales/ar/errors.json";

type KnownCode = keyof (typeof errorCatalogue)["codes"];

/**
 * The message for an error: our own translation of its code when we have one, else the server's
 * (already translated through Accept-Language), else a generic one for its HTTP status.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation("errors");
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t("generic");
      const isKnown = (code: string): code is KnownCode => i18n.exists(`codes.${code}`, { ns: "errors" });
      if (isKnown(error.code)) return t(`codes.${error.code}`);
      if (error.detail) return error.detail;
      if (error.status === 0) return t("codes.network_error");
      if (error.status >= 500) return t("codes.server_error");
      return t("generic");
    },
    [t, i18n],
  );
}
