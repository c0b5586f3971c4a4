import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useCalendar } from "@/features/desk/api/get-calendar";
import { useSalonBookings } from "@/features/desk/api/list-salon-bookings";
import type { PickedSlot } from "@/features/desk/components/CalendarGrid";
import { DeskBookingList } from "@/features/desk/components/DeskBookingList";
import { NextFreeTimes } from "@/features/desk/components/NextFreeTimes";
import { useSalonTimeZone } from "@/features/desk/hooks/use-salon-time-zone";
import { nextFreeWindows, SHOWN_STATUSES } from "@/features/desk/schedule";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { useNow } from "@/hooks/use-now";
import { todayIn } from "@/lib/calendar-date";
import { formatCalendarDate, formatHijriDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { parseId } from "@/lib/route-params";
import type { Booking } from "@/types/models";

import { DeskBookingActions } from "../compositions/DeskBookingActions";
import { WalkInDialog } from "../compositions/WalkInDialog";

function TodayPage({ salonId }: { salonId: number }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const now = useNow();
  const [zone, learnZone] = useSalonTimeZone();
  const today = todayIn(zone, new Date(now));
  const calendar = useCalendar({ salonId, start: today, days: 1 });
  learnZone(calendar.data?.salon.timezone);
  const day = useSalonBookings({ salonId, from: today, to: today });
  const pending = useSalonBookings({ salonId, from: today, status: "pending" });
  const [walkIn, setWalkIn] = useState<PickedSlot | null>(null);
  useDocumentTitle(t("today.title"));

  const dayBookings = day.data?.results.filter((booking) => SHOWN_STATUSES.includes(booking.status)) ?? [];
  const actions = (booking: Booking) => <DeskBookingActions booking={booking} />;

  return (
    <div className="desk-page desk-today">
      <header className="desk-page__header">
        <h1>{t("today.title")}</h1>
        <p className="desk-page__date">
          {formatCalendarDate(today, language, "full")}
          <span className="desk-page__hijri">{formatHijriDate(today, language, "long")}</span>
        </p>
      </header>

      <section className="desk-today__bookings stack" aria-labelledby="today-bookings">
        <h2 id="today-bookings">{t("today.bookings")}</h2>
        {day.isPending ? (
          <LoadingState />
        ) : day.isError ? (
          <ErrorState error={day.error} onRetry={() => void day.refetch()} />
        ) : dayBookings.length === 0 ? (
          <EmptyState icon="calendar" title={t("today.noBookings")} />
        ) : (
          <>
            <p className="desk-muted">
              {t("today.count", { count: dayBookings.length, n: formatNumber(dayBookings.length, language) })}
            </p>
            <DeskBookingList bookings={dayBookings} renderActions={actions} />
          </>
        )}
      </section>

      <section className="desk-today__attention stack" aria-labelledby="today-attention">
        <h2 id="today-attention">{t("today.attention")}</h2>
        {pending.isPending ? (
          <LoadingState />
        ) : pending.isError ? (
          <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
        ) : pending.data.results.length === 0 ? (
          <p className="desk-muted">{t("today.nothingWaiting")}</p>
        ) : (
          <DeskBookingList bookings={pending.data.results} showDate showWaitingFor renderActions={actions} />
        )}
      </section>

      <section className="desk-today__free stack" aria-labelledby="today-free">
        <h2 id="today-free">{t("today.nextFree")}</h2>
        {calendar.isPending ? (
          <LoadingState />
        ) : calendar.isError ? (
          <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : (
          <NextFreeTimes
            windows={nextFreeWindows(calendar.data, now)}
            timeZone={calendar.data.salon.timezone}
            onBook={setWalkIn}
          />
        )}
      </section>

      {walkIn && (
        <WalkInDialog
          stylist={{ id: walkIn.staff.id, name: walkIn.staff.display_name, salonId }}
          at={{ start: walkIn.start, until: walkIn.until }}
          onClose={() => setWalkIn(null)}
        />
      )}
    </div>
  );
}

/** The manage area's Today: the day's bookings with their one-tap actions, what waits, and free times. */
export function Component() {
  const salonId = parseId(useParams().salonId);
  if (salonId === null) return <NotFound />;
  return <TodayPage key={salonId} salonId={salonId} />;
}

export default Component;
