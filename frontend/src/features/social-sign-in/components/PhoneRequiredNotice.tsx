import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";
import type { PhoneRequired } from "@/types/models";

/** Above the phone sign-in while a Google or Apple identity waits to be linked. */
export function PhoneRequiredNotice({ pending, onCancel }: { pending: PhoneRequired; onCancel: () => void }) {
  const { t } = useTranslation("social");
  const provider = t(`providers.${pending.provider}`);
  return (
    <Notice tone="info" live title={t("phoneRequired.title")}>
      <p>{t("phoneRequired.explain", { provider })}</p>
      <button type="button" className="link-button" onClick={onCancel}>
        {t("phoneRequired.cancel")}
      </button>
    </Notice>
  );
}
