import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { Dialog } from "@/components/Dialog";
import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useStaffOverview } from "@/features/bookings/api/get-staff-overview";
import { useStaffSchedule } from "@/features/bookings/api/get-staff-schedule";
import { ScheduleView } from "@/features/bookings/components/ScheduleView";
import { TimeUnavailableNotice } from "@/features/bookings/components/TimeUnavailableNotice";
import type { TimeUnavailableCode } from "@/features/bookings/api/booking-cache";
import { WalkInForm } from "@/features/bookings/components/WalkInForm";
import { useSalon } from "@/features/salons/api/get-salon";
import { ServicePicker } from "@/features/salons/components/ServicePicker";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useLanguage } from "@/hooks/use-language";
import { addDays, DEFAULT_TIME_ZONE, type IsoDate, isIsoDate, todayIn } from "@/lib/calendar-date";
import { formatCalendarDate, formatHijriDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";
import type { Slot, StaffOverview } from "@/types/models";

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

/** A manager (or stylist) books a walk-in or phone customer: service, free time, then the customer. */
function WalkInDialog({ stylist, onClose }: { stylist: Stylist; onClose: () => void }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const salon = useSalon(stylist.salonId);
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [date, setDate] = useState<IsoDate | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [booked, setBooked] = useState(false);
  // A time refused while booking it (taken meanwhile, passed…): left out of the fresh times, and why.
  const [unavailable, setUnavailable] = useState<{ start: string; reason: TimeUnavailableCode } | null>(null);

  const categories =
    salon.data?.categories
      .map((category) => ({
        ...category,
        services: category.services.filter((service) => service.staff_ids.includes(stylist.id)),
      }))
      .filter((category) => category.services.length > 0) ?? [];

  return (
    <Dialog open title={t("walkIn.title", { staff: stylist.name })} onClose={onClose}>
      {salon.isPending ? (
        <LoadingState />
      ) : salon.isError ? (
        <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />
      ) : booked ? (
        <div className="stack">
          <Notice tone="success" live title={t("walkIn.booked")} />
          <button type="button" className="button" onClick={onClose}>
            {t("walkIn.done")}
          </button>
        </div>
      ) : serviceId === null ? (
        <ServicePicker categories={categories} selectedId={null} onSelect={setServiceId} />
      ) : slot === null ? (
        <div className="stack">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setServiceId(null);
              setUnavailable(null);
            }}
          >
            {t("walkIn.changeService")}
          </button>
          {unavailable && <TimeUnavailableNotice reason={unavailable.reason} />}
          <TimePicker
            salonId={stylist.salonId}
            serviceId={serviceId}
            staffId={stylist.id}
            timeZone={salon.data.timezone}
            selectedDate={date}
            selectedStart={null}
            takenStart={unavailable?.start ?? null}
            onSelectDate={setDate}
            onSelectSlot={(picked, pickedDate) => {
              setUnavailable(null);
              setDate(pickedDate);
              setSlot(picked);
            }}
          />
        </div>
      ) : (
        <div className="stack">
          <p>
            <bdi>{formatCalendarDate(date ?? todayIn(salon.data.timezone), language, "full")}</bdi> ·{" "}
            <bdi>{formatTime(slot.start, language, salon.data.timezone)}</bdi>
          </p>
          <button type="button" className="link-button" onClick={() => setSlot(null)}>
            {t("walkIn.changeTime")}
          </button>
          <WalkInForm
            serviceId={serviceId}
            staffId={stylist.id}
            start={slot.start}
            onBooked={() => setBooked(true)}
            onTimeUnavailable={(start, reason) => {
              setUnavailable({ start, reason });
              setSlot(null);
            }}
          />
        </div>
      )}
    </Dialog>
  );
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
      {walkIn && <WalkInDialog stylist={stylist} onClose={() => setWalkIn(false)} />}
    </div>
  );
}
