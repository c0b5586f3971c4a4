import "../bookings.css";

import { useTranslation } from "react-i18next";

import type { BookingStatus } from "@/types/models";

export function StatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useTranslation("bookings");
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}
