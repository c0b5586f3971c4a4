import "../bookings.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { EmptyState } from "@/components/EmptyState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { useNow } from "@/hooks/use-now";
import { formatTimeRange } from "@/lib/format/time";
import { formatPhoneForDisplay, isMaskedPhone } from "@/lib/phone";
import type { Booking, StaffSchedule } from "@/types/models";

import { useCompleteBooking } from "../api/complete-booking";
import { useConfirmBooking } from "../api/confirm-booking";
import { useMarkNoShow } from "../api/mark-no-show";
import { CancelDialog } from "./CancelDialog";
import { StatusBadge } from "./StatusBadge";

type ScheduleEntry = { kind: "booking"; booking: Booking } | { kind: "gap"; start: string; end: string };

function ScheduleBooking({ booking }: { booking: Booking }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const confirmation = useConfirmBooking();
  const completion = useCompleteBooking();
  const noShow = useMarkNoShow();
  const [cancelling, setCancelling] = useState(false);
  const can = (action: Booking["allowed_actions"][number]) => booking.allowed_actions.includes(action);
  const failed = [confirmation, completion, noShow].find((mutation) => mutation.isError);
  const busy = confirmation.isPending || completion.isPending || noShow.isPending;
  const headingId = `schedule-booking-${booking.id}`;

  return (
    <article className="schedule-booking" aria-labelledby={headingId}>
      <header className="schedule-booking__header">
        <h2 id={headingId} className="schedule-booking__time heading-3">
          {formatTimeRange(booking.start, booking.end, language, booking.salon.timezone)}
        </h2>
        <StatusBadge status={booking.status} />
      </header>
      <p className="schedule-booking__service">{booking.service.name}</p>
      <p className="schedule-booking__customer">
        {booking.customer.first_name || t("schedule.customer")}
        {booking.customer.phone_number && (
          <>
            {" · "}
            {isMaskedPhone(booking.customer.phone_number) ? (
              <bdi dir="ltr">{booking.customer.phone_number}</bdi>
            ) : (
              <a className="link" href={`tel:${booking.customer.phone_number}`}>
                <bdi dir="ltr">{formatPhoneForDisplay(booking.customer.phone_number)}</bdi>
              </a>
            )}
          </>
        )}
      </p>
      {booking.note && (
        <p className="schedule-booking__note">
          {t("schedule.noteLabel")} <bdi dir="auto">{booking.note}</bdi>
        </p>
      )}
      {failed && (
        <Notice tone="error" live>
          <p>{errorMessage(failed.error)}</p>
        </Notice>
      )}
      <div className="actions">
        {can("confirm") && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => confirmation.mutate(booking.id)}
          >
            {t("actions.confirm")}
          </button>
        )}
        {can("complete") && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => completion.mutate(booking.id)}
          >
            {t("actions.complete")}
          </button>
        )}
        {can("no_show") && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => noShow.mutate(booking.id)}
          >
            {t("actions.noShow")}
          </button>
        )}
        {can("cancel") && (
          <button
            type="button"
            className="button button--ghost-danger button--small"
            onClick={() => setCancelling(true)}
          >
            {t("actions.cancel")}
          </button>
        )}
      </div>
      {can("cancel") && (
        <CancelDialog booking={booking} actor="salon" open={cancelling} onClose={() => setCancelling(false)} />
      )}
    </article>
  );
}

/**
 * Free gaps still ahead at `now`: one that has ended is left out, one under way starts now (the server
 * answers so too, but a day view stays open while time passes).
 */
function gapsAhead(gaps: StaffSchedule["free_gaps"], now: number): StaffSchedule["free_gaps"] {
  return gaps
    .filter((gap) => Date.parse(gap.end) > now)
    .map((gap) => (Date.parse(gap.start) < now ? { ...gap, start: new Date(now).toISOString() } : gap));
}

/** A stylist's day in time order: bookings with their actions, and the free gaps ahead between them. */
export function ScheduleView({ schedule }: { schedule: StaffSchedule }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const now = useNow();
  const entries: ScheduleEntry[] = [
    ...schedule.bookings.map((booking) => ({ kind: "booking", booking }) as const),
    ...gapsAhead(schedule.free_gaps, now).map((gap) => ({ kind: "gap", ...gap }) as const),
  ].sort((a, b) => {
    const startOf = (entry: ScheduleEntry) => (entry.kind === "booking" ? entry.booking.start : entry.start);
    return Date.parse(startOf(a)) - Date.parse(startOf(b));
  });

  if (entries.length === 0) return <EmptyState icon="calendar" title={t("schedule.empty")} />;

  return (
    <ol className="schedule">
      {entries.map((entry) =>
        entry.kind === "booking" ? (
          <li key={`booking-${entry.booking.id}`}>
            <ScheduleBooking booking={entry.booking} />
          </li>
        ) : (
          <li key={`gap-${entry.start}`} className="schedule-gap">
            {t("schedule.free", { time: formatTimeRange(entry.start, entry.end, language, schedule.timezone) })}
          </li>
        ),
      )}
    </ol>
  );
}
