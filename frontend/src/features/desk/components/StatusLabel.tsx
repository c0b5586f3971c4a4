import "../desk.css";

import { useTranslation } from "react-i18next";

import type { BookingStatus } from "@/types/models";

/** A booking's status in words, on its status colour (the words carry it, not the colour). */
export function StatusLabel({ status }: { status: BookingStatus }) {
  const { t } = useTranslation("desk");
  return <span className={`desk-status desk-status--${status}`}>{t(`status.${status}`)}</span>;
}
