import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { useCalendar } from "@/features/desk/api/get-calendar";
import { CalendarGrid, type PickedSlot } from "@/features/desk/components/CalendarGrid";
import { CalendarLegend } from "@/features/desk/components/CalendarLegend";
import { type CalendarChange, CalendarToolbar, type CalendarView } from "@/features/desk/components/CalendarToolbar";
import { useSalonTimeZone } from "@/features/desk/hooks/use-salon-time-zone";
import { datesFrom, isShown } from "@/features/desk/schedule";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useNow } from "@/hooks/use-now";
import { addDays, isIsoDate, todayIn, weekdayIndex } from "@/lib/calendar-date";
import { parseId } from "@/lib/route-params";

import { DeskBookingDialog } from "../compositions/DeskBookingDialog";
import { WalkInDialog } from "../compositions/WalkInDialog";

/** Wide screens open on the week, phones on the day. */
function defaultView(): CalendarView {
  const wide = typeof window.matchMedia === "function" && window.matchMedia("(min-width: 64rem)").matches;
  return wide ? "week" : "day";
}

function CalendarPage({ salonId }: { salonId: number }) {
  const { t } = useTranslation("desk");
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const [zone, learnZone] = useSalonTimeZone();
  const [fallbackView] = useState(defaultView);
  const [openBooking, setOpenBooking] = useState<number | null>(null);
  const [walkIn, setWalkIn] = useState<PickedSlot | null>(null);
  useDocumentTitle(t("calendar.title"));

  // The day, the view and the stylist are in the URL: a reload or a shared link shows the same.
  const today = todayIn(zone, new Date(now));
  const dateParam = params.get("date");
  const date = isIsoDate(dateParam) ? dateParam : today;
  const viewParam = params.get("view");
  const view: CalendarView = viewParam === "day" || viewParam === "week" ? viewParam : fallbackView;
  // Weeks start on Sunday.
  const from = view === "week" ? addDays(date, -weekdayIndex(date)) : date;
  const days = view === "week" ? 7 : 1;
  const calendar = useCalendar({ salonId, start: from, days });
  learnZone(calendar.data?.salon.timezone);

  const staffId = parseId(params.get("staff") ?? undefined);
  // Inactive stylists only where they still have bookings.
  const stylists = calendar.data?.staff.filter((s) => s.is_active || s.bookings.some(isShown)) ?? [];
  const chosen = stylists.filter((s) => s.id === staffId);
  const shown = chosen.length > 0 ? chosen : stylists;

  const update = (change: CalendarChange) => {
    const next = new URLSearchParams(params);
    if (change.view) next.set("view", change.view);
    if (change.date) next.set("date", change.date);
    if (change.staff !== undefined) {
      if (change.staff === null) next.delete("staff");
      else next.set("staff", String(change.staff));
    }
    if (!next.has("view")) next.set("view", view);
    setParams(next, { replace: true });
  };

  return (
    <div className="desk-page stack">
      <h1>{t("calendar.title")}</h1>
      <CalendarToolbar
        view={view}
        date={date}
        from={from}
        to={addDays(from, days - 1)}
        today={today}
        stylists={stylists}
        staffId={chosen.length > 0 ? staffId : null}
        onChange={update}
      />
      <CalendarLegend />
      {calendar.isPending ? (
        <LoadingState />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <CalendarGrid
          calendar={calendar.data}
          dates={datesFrom(from, days)}
          staff={shown}
          now={now}
          onOpenBooking={(booking) => setOpenBooking(booking.id)}
          onPickSlot={setWalkIn}
        />
      )}
      {openBooking !== null && <DeskBookingDialog bookingId={openBooking} onClose={() => setOpenBooking(null)} />}
      {walkIn && (
        <WalkInDialog
          stylist={{ id: walkIn.staff.id, name: walkIn.staff.display_name, salonId }}
          at={{ start: walkIn.start, until: walkIn.until }}
          onBooked={(day) => update({ date: day })}
          onClose={() => setWalkIn(null)}
        />
      )}
    </div>
  );
}

/** The manage area's calendar: a day (phones) or a week (desktop), one column per stylist. */
export function Component() {
  const salonId = parseId(useParams().salonId);
  if (salonId === null) return <NotFound />;
  return <CalendarPage key={salonId} salonId={salonId} />;
}

export default Component;
