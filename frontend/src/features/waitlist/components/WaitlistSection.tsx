import "../waitlist.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useErrorMessage } from "@/components/error-message";
import { useLanguage } from "@/hooks/use-language";
import { formatCalendarDate, formatCalendarRange, formatDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { formatClockTime, formatTime } from "@/lib/format/time";
import type { WaitlistEntry, WaitlistEntryStatus } from "@/types/models";

import { useLeaveWaitlist } from "../api/leave-waitlist";
import { useWaitlistEntries } from "../api/list-entries";

// The bookings' status colours: waiting and offered as pending, booked as confirmed, ended as cancelled.
const STATUS_LOOK: Record<WaitlistEntryStatus, string> = {
  waiting: "pending",
  offered: "pending",
  booked: "confirmed",
  left: "cancelled",
  expired: "expired",
};

function EntryItem({ entry }: { entry: WaitlistEntry }) {
  const { t } = useTranslation("waitlist");
  const language = useLanguage();
  const leave = useLeaveWaitlist();
  const errorMessage = useErrorMessage();
  const days =
    entry.date_from === entry.date_to
      ? formatCalendarDate(entry.date_from, language, "long")
      : formatCalendarRange(entry.date_from, entry.date_to, language);
  const times =
    entry.time_from && entry.time_to
      ? t("entry.times", {
          from: formatClockTime(entry.time_from, language),
          to: formatClockTime(entry.time_to, language),
        })
      : t("entry.allDay");
  const active = entry.status === "waiting" || entry.status === "offered";
  const title = `${entry.service.name} · ${entry.salon.name}`;

  return (
    <li className="card stack">
      <div className="waitlist-entry">
        <h3 className="heading-3">{title}</h3>
        <span className={`status status--${STATUS_LOOK[entry.status]}`}>{t(`status.${entry.status}`)}</span>
      </div>
      <p className="waitlist-entry__facts">
        <bdi>{days}</bdi> · <bdi>{times}</bdi>
        {entry.staff && <> · {t("entry.with", { stylist: entry.staff.display_name })}</>}
      </p>
      {entry.status === "waiting" && entry.position !== null && (
        <p className="waitlist-entry__facts">
          {t("entry.position", { position: formatNumber(entry.position, language) })}
        </p>
      )}
      {entry.offer && entry.status === "offered" && (
        <Notice tone="success" title={t("entry.offerTitle")}>
          <p>
            <bdi>{formatDate(entry.offer.start, language, entry.timezone, "full")}</bdi> ·{" "}
            <bdi>{formatTime(entry.offer.start, language, entry.timezone)}</bdi>
          </p>
          <Link className="button" to={`/waitlist/offers/${entry.offer.booking}`}>
            {t("entry.openOffer")}
          </Link>
        </Notice>
      )}
      {entry.offer && entry.status === "booked" && (
        <Link className="link" to={`/bookings/${entry.offer.booking}`}>
          {t("entry.seeBooking")}
        </Link>
      )}
      {leave.isError && <Notice tone="error">{errorMessage(leave.error)}</Notice>}
      {active && (
        <div className="actions">
          <button
            type="button"
            className="button button--ghost-danger"
            disabled={leave.isPending}
            onClick={() => leave.mutate(entry.id)}
            aria-label={t("entry.leaveLabel", { title })}
          >
            {t("entry.leave")}
          </button>
        </div>
      )}
    </li>
  );
}

/** "Waitlist" in My bookings: the customer's entries, their status and place in line, and leaving. */
export function WaitlistSection() {
  const { t } = useTranslation("waitlist");
  const entries = useWaitlistEntries();

  return (
    <section className="stack" aria-labelledby="waitlist-heading">
      <h2 id="waitlist-heading">{t("section.title")}</h2>
      {entries.isPending ? (
        <LoadingState />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.length === 0 ? (
        <p className="state state--empty">{t("section.empty")}</p>
      ) : (
        <ul className="stack" aria-label={t("section.title")}>
          {entries.data.map((entry) => (
            <EntryItem key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
