import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { useMe } from "@/features/accounts/api/get-me";
import type { BookingTimeframe } from "@/features/bookings/api/list-bookings";
import { BookingList } from "@/features/bookings/components/BookingList";
import { WaitlistSection } from "@/features/waitlist/components/WaitlistSection";
import { useDocumentTitle } from "@/hooks/use-document-title";
import type { Booking } from "@/types/models";

import { RescheduleDialog } from "../compositions/RescheduleDialog";

export function Component() {
  const { t } = useTranslation("bookings");
  const [params] = useSearchParams();
  const timeframe: BookingTimeframe = params.get("tab") === "past" ? "past" : "upcoming";
  const [rescheduling, setRescheduling] = useState<Booking | null>(null);
  const me = useMe();
  useDocumentTitle(t("list.title"));

  return (
    <div className="stack">
      <h1>{t("list.title")}</h1>
      <nav className="tabs" aria-label={t("list.timeframes")}>
        {(["upcoming", "past"] as const).map((option) => (
          <Link
            key={option}
            to={option === "upcoming" ? "/bookings" : "/bookings?tab=past"}
            className="tabs__tab"
            aria-current={timeframe === option ? "page" : undefined}
            replace
          >
            {t(`list.${option}`)}
          </Link>
        ))}
      </nav>
      <BookingList timeframe={timeframe} onReschedule={setRescheduling} viewerId={me.data?.id} />
      <WaitlistSection />
      {rescheduling && <RescheduleDialog booking={rescheduling} onClose={() => setRescheduling(null)} />}
    </div>
  );
}
