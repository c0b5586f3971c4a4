import "../bookings.css";

import { useTranslation } from "react-i18next";

import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTimeRange } from "@/lib/format/time";
import type { Booking } from "@/types/models";

/** What was booked, at a glance: salon, service, stylist, date and time (the salon's clock), price, reference. */
export function BookedSummary({ booking }: { booking: Booking }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const zone = booking.salon.timezone;
  return (
    <section className="card" aria-labelledby="booked-summary-heading">
      <h2 id="booked-summary-heading">{t("summary.title")}</h2>
      <dl className="summary">
        <div>
          <dt>{t("review.salon")}</dt>
          <dd>{booking.salon.name}</dd>
        </div>
        <div>
          <dt>{t("review.service")}</dt>
          <dd>{booking.service.name}</dd>
        </div>
        <div>
          <dt>{t("review.staff")}</dt>
          <dd>{booking.staff.display_name}</dd>
        </div>
        <div>
          <dt>{t("review.date")}</dt>
          <dd>{formatDate(booking.start, language, zone, "full")}</dd>
        </div>
        <div>
          <dt>{t("review.time")}</dt>
          <dd>{formatTimeRange(booking.start, booking.end, language, zone)}</dd>
        </div>
        <div>
          <dt>{t("summary.amount")}</dt>
          <dd>{formatMoney(booking.price.amount, booking.price.currency, language)}</dd>
        </div>
        {booking.no_show_policy.policy === "deposit" && (
          <div>
            <dt>{t("summary.payAtSalon")}</dt>
            <dd>{formatMoney(booking.no_show_policy.pay_at_salon, booking.price.currency, language)}</dd>
          </div>
        )}
        <div>
          <dt>{t("card.reference")}</dt>
          <dd>
            <Reference>{booking.reference}</Reference>
          </dd>
        </div>
      </dl>
      {booking.no_show_policy.text && <p className="booked-summary__no-show">{booking.no_show_policy.text}</p>}
    </section>
  );
}
