import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";

import type { TimeUnavailableCode } from "../api/booking-cache";

/** Why the chosen time could not be booked, above the fresh times (and the nearest ones). */
export function TimeUnavailableNotice({ reason }: { reason: TimeUnavailableCode }) {
  const { t } = useTranslation("bookings");
  if (reason === "slot_unavailable") {
    return (
      <Notice tone="warning" live title={t("flow.slotTakenTitle")}>
        <p>{t("flow.slotTakenText")}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="warning" live title={t("flow.timeUnavailableTitle")}>
      <p>{t(`flow.timeUnavailable.${reason}`)}</p>
    </Notice>
  );
}
