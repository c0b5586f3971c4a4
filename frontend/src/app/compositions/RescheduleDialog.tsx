import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { forgetFreeTimes, timeUnavailableCode } from "@/features/bookings/api/booking-cache";
import { useRescheduleBooking } from "@/features/bookings/api/reschedule-booking";
import { useSalon } from "@/features/salons/api/get-salon";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { useLanguage } from "@/hooks/use-language";
import type { IsoDate } from "@/lib/calendar-date";
import { formatDate } from "@/lib/format/date";
import { formatTimeRange } from "@/lib/format/time";
import type { Booking, Slot } from "@/types/models";

/**
 * Reschedule with the same time picker as booking: same stylist, same service, a new free time,
 * then a confirmation that shows the current and the new time before anything changes.
 */
export function RescheduleDialog({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const salon = useSalon(booking.salon.id);
  const reschedule = useRescheduleBooking();
  const [date, setDate] = useState<IsoDate | null>(null);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [takenStart, setTakenStart] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const summaryId = useId();
  const zone = booking.salon.timezone;

  // The confirmation comes after a long list of times: take the customer (and the focus) to it.
  useEffect(() => {
    if (chosen) confirmHeading.current?.focus();
  }, [chosen]);

  const backToFreshTimes = async (start: string) => {
    await forgetFreeTimes(queryClient);
    setTakenStart(start);
    setChosen(null);
  };

  const confirm = (slot: Slot) =>
    reschedule.mutate(
      { bookingId: booking.id, start: slot.start },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (timeUnavailableCode(error)) void backToFreshTimes(slot.start);
        },
      },
    );

  const when = (start: string, end: string) =>
    `${formatDate(start, language, zone, "full")} · ${formatTimeRange(start, end, language, zone)}`;

  return (
    <Dialog open title={t("reschedule.title", { service: booking.service.name })} onClose={onClose}>
      {salon.isPending ? (
        <LoadingState />
      ) : salon.isError ? (
        <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />
      ) : (
        <div className="stack">
          <p>{t("reschedule.explanation", { staff: booking.staff.display_name })}</p>
          {reschedule.isError && (
            <Notice tone="error" live>
              <p>{errorMessage(reschedule.error)}</p>
            </Notice>
          )}
          <TimePicker
            salonId={booking.salon.id}
            serviceId={booking.service.id}
            staffId={booking.staff.id}
            timeZone={salon.data.timezone}
            horizonDays={salon.data.booking_policy.booking_horizon_days}
            selectedDate={date}
            selectedStart={chosen?.start ?? null}
            takenStart={takenStart}
            onSelectDate={setDate}
            onSelectSlot={(slot, slotDate) => {
              reschedule.reset();
              setDate(slotDate);
              setChosen(slot);
            }}
          />
          {chosen && (
            <section className="stack reschedule-confirm" aria-labelledby={`${summaryId}-heading`}>
              <h3 id={`${summaryId}-heading`} ref={confirmHeading} tabIndex={-1}>
                {t("reschedule.confirmTitle")}
              </h3>
              <dl className="summary" id={summaryId}>
                <div>
                  <dt>{t("reschedule.from")}</dt>
                  <dd>
                    <bdi>{when(booking.start, booking.end)}</bdi>
                  </dd>
                </div>
                <div>
                  <dt>{t("reschedule.to")}</dt>
                  <dd>
                    <bdi>{when(chosen.start, chosen.end)}</bdi>
                  </dd>
                </div>
              </dl>
              <button
                type="button"
                className="button button--block"
                aria-describedby={summaryId}
                disabled={reschedule.isPending}
                onClick={() => confirm(chosen)}
              >
                {reschedule.isPending ? t("reschedule.saving") : t("reschedule.confirm")}
              </button>
            </section>
          )}
        </div>
      )}
    </Dialog>
  );
}
