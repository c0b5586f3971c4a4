import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useStaffOverview } from "@/features/bookings/api/get-staff-overview";
import { useStaffSchedule } from "@/features/bookings/api/get-staff-schedule";
import { ScheduleView } from "@/features/bookings/components/ScheduleView";
import { CalendarFeedCard } from "@/features/calendar-feeds/components/CalendarFeedCard";
import { GoogleCalendarCard } from "@/features/google-calendar/components/GoogleCalendarCard";
import { returnOutcome } from "@/features/google-calendar/return-outcome";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { addDays, DEFAULT_TIME_ZONE, isIsoDate, todayIn } from "@/lib/calendar-date";
import { formatCalendarDate, formatHijriDate } from "@/lib/format/date";
import type { StaffOverview } from "@/types/models";

import { WalkInDialog } from "../compositions/WalkInDialog";

interface Stylist {
  id: number;
  name: string;
  salonId: number;
}

/** The stylists whose day this person may see: their own, and every stylist of salons they manage. */
function visibleStylists(overview: StaffOverview): Stylist[] {
  const stylists: Stylist[] = [];
  const own = overview.staff_member;
  if (own) stylists.push({ id: own.id, name: own.display_name, salonId: own.salon.id });
  for (const salon of overview.managed_salons) {
    for (const member of salon.staff) {
      if (!stylists.some((s) => s.id === member.id))
        stylists.push({ id: member.id, name: member.display_name, salonId: salon.id });
    }
  }
  return stylists;
}

export function Component() {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const overview = useStaffOverview();
  const [walkIn, setWalkIn] = useState(false);
  useDocumentTitle(t("schedule.title"));

  const today = todayIn(DEFAULT_TIME_ZONE);
  const dateParam = params.get("date");
  const date = isIsoDate(dateParam) ? dateParam : today;
  const stylists = overview.data ? visibleStylists(overview.data) : [];
  const requestedStaff = Number(params.get("staff"));
  const stylist = stylists.find((s) => s.id === requestedStaff) ?? stylists[0] ?? null;
  const isManager = (overview.data?.managed_salons.length ?? 0) > 0;
  // Stylists see their own day without naming themselves; managers name the stylist.
  const ownDay = stylist !== null && stylist.id === overview.data?.staff_member?.id && !isManager;
  const schedule = useStaffSchedule(
    { date, staffId: ownDay ? null : (stylist?.id ?? null) },
    { enabled: stylist !== null },
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    setParams(next, { replace: true });
  };

  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!stylist) return <EmptyState icon="scissors" title={t("schedule.notStaff")} />;

  return (
    <div className="stack staff-day">
      <h1>{t("schedule.title")}</h1>
      {stylists.length > 1 && (
        <Field label={t("schedule.stylist")}>
          <select className="input" value={stylist.id} onChange={(event) => update({ staff: event.target.value })}>
            {stylists.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="day-nav">
        <button
          type="button"
          className="icon-button"
          aria-label={t("schedule.previousDay")}
          onClick={() => update({ date: addDays(date, -1) })}
        >
          <Icon name="back" />
        </button>
        <div className="day-nav__date">
          <p className="day-nav__gregorian">
            {date === today ? t("schedule.today") : formatCalendarDate(date, language, "full")}
          </p>
          <p className="day-nav__hijri">{formatHijriDate(date, language, "long")}</p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t("schedule.nextDay")}
          onClick={() => update({ date: addDays(date, 1) })}
        >
          <Icon name="forward" />
        </button>
      </div>
      <Field label={t("schedule.pickDate")}>
        <input
          className="input"
          type="date"
          value={date}
          onChange={(event) => isIsoDate(event.target.value) && update({ date: event.target.value })}
        />
      </Field>
      <button type="button" className="button" onClick={() => setWalkIn(true)}>
        {t("walkIn.open")}
      </button>

      {schedule.isPending ? (
        <LoadingState />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <ScheduleView schedule={schedule.data} />
      )}
      {/* The stylist's own feed: their bookings in the calendar app they live in. */}
      {overview.data.staff_member && <CalendarFeedCard owner={{ kind: "me" }} />}
      {walkIn && (
        <WalkInDialog stylist={stylist} onBooked={(day) => update({ date: day })} onClose={() => setWalkIn(false)} />
      )}
      {overview.data.staff_member && (
        // The signed-in stylist's own calendar (a manager connects a stylist's from the team page).
        <GoogleCalendarCard staffId={null} returnPath="/staff" outcome={returnOutcome(params.get("google_calendar"))} />
      )}
    </div>
  );
}
