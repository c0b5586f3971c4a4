import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { forgetFreeTimes, timeUnavailableCode } from "@/features/bookings/api/booking-cache";
import { useRescheduleBooking } from "@/features/bookings/api/reschedule-booking";
import { useSalon } from "@/features/salons/api/get-salon";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { useLanguage } from "@/hooks/use-language";
import { dateOfInstant, type IsoDate } from "@/lib/calendar-date";
import { formatDate } from "@/lib/format/date";
import { formatTimeRange } from "@/lib/format/time";
import type { Booking, Slot } from "@/types/models";

interface MoveBookingFormProps {
  booking: Booking;
  onDone: () => void;
  onBack: () => void;
}

/**
 * The salon moves a booking to another free time, with the same stylist or another one who offers
 * the service (`reschedule {start, staff}`), after a from → to confirmation. A time refused meanwhile
 * sends it back to fresh times, that one left out.
 */
export function MoveBookingForm({ booking, onDone, onBack }: MoveBookingFormProps) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const salon = useSalon(booking.salon.id);
  const reschedule = useRescheduleBooking();
  const zone = booking.salon.timezone;
  const [staffId, setStaffId] = useState(booking.staff.id);
  const [date, setDate] = useState<IsoDate | null>(() => dateOfInstant(booking.start, zone));
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [takenStart, setTakenStart] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const summaryId = useId();

  // The confirmation comes after the list of times: take the focus to it.
  useEffect(() => {
    if (chosen) confirmHeading.current?.focus();
  }, [chosen]);

  if (salon.isPending) return <LoadingState />;
  if (salon.isError) return <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />;

  const service = salon.data.categories.flatMap((c) => c.services).find((s) => s.id === booking.service.id);
  const stylists = salon.data.staff.filter(
    (member) => member.id === booking.staff.id || (service?.staff_ids.includes(member.id) ?? false),
  );
  const nameOf = (id: number) => stylists.find((member) => member.id === id)?.display_name ?? "";
  const when = (start: string, end: string) =>
    `${formatDate(start, language, zone, "full")} · ${formatTimeRange(start, end, language, zone)}`;

  const move = (slot: Slot) =>
    reschedule.mutate(
      { bookingId: booking.id, start: slot.start, ...(staffId === booking.staff.id ? {} : { staff: staffId }) },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (!timeUnavailableCode(error)) return;
          void forgetFreeTimes(queryClient).then(() => {
            setTakenStart(slot.start);
            setChosen(null);
          });
        },
      },
    );

  return (
    <div className="stack">
      <button type="button" className="link-button" onClick={onBack}>
        {t("booking.backToDetails")}
      </button>
      <Field label={t("booking.stylist")}>
        <select
          className="input"
          value={staffId}
          onChange={(event) => {
            setStaffId(Number(event.target.value));
            setChosen(null);
            setTakenStart(null);
            reschedule.reset();
          }}
        >
          {stylists.map((member) => (
            <option key={member.id} value={member.id}>
              {member.display_name}
            </option>
          ))}
        </select>
      </Field>
      {reschedule.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(reschedule.error)}</p>
        </Notice>
      )}
      <TimePicker
        salonId={booking.salon.id}
        serviceId={booking.service.id}
        staffId={staffId}
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
        <section className="stack" aria-labelledby={`${summaryId}-heading`}>
          <h3 id={`${summaryId}-heading`} ref={confirmHeading} tabIndex={-1}>
            {t("booking.moveConfirmTitle")}
          </h3>
          <dl className="desk-facts" id={summaryId}>
            <div>
              <dt>{t("booking.from")}</dt>
              <dd>
                <bdi>
                  {t("booking.whenWith", { when: when(booking.start, booking.end), staff: booking.staff.display_name })}
                </bdi>
              </dd>
            </div>
            <div>
              <dt>{t("booking.to")}</dt>
              <dd>
                <bdi>{t("booking.whenWith", { when: when(chosen.start, chosen.end), staff: nameOf(staffId) })}</bdi>
              </dd>
            </div>
          </dl>
          <button
            type="button"
            className="button button--block"
            aria-describedby={summaryId}
            disabled={reschedule.isPending}
            onClick={() => move(chosen)}
          >
            {reschedule.isPending ? t("booking.moving") : t("booking.moveConfirm")}
          </button>
        </section>
      )}
    </div>
  );
}
