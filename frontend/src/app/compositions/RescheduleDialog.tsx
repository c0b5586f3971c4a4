import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useRescheduleBooking } from "@/features/bookings/api/reschedule-booking";
import { useSalon } from "@/features/salons/api/get-salon";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { isApiError } from "@/lib/api-client";
import type { IsoDate } from "@/lib/calendar-date";
import type { Booking } from "@/types/api";

/** Reschedule with the same time picker as booking: same stylist, same service, a new free time. */
export function RescheduleDialog({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const { t } = useTranslation("bookings");
  const errorMessage = useErrorMessage();
  const salon = useSalon(booking.salon.id);
  const reschedule = useRescheduleBooking();
  const [date, setDate] = useState<IsoDate | null>(null);
  const [takenStart, setTakenStart] = useState<string | null>(null);

  const pick = (start: string) =>
    reschedule.mutate(
      { bookingId: booking.id, start },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error) && error.code === "slot_unavailable") setTakenStart(start);
        },
      },
    );

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
          {reschedule.isPending && <LoadingState label={t("reschedule.saving")} />}
          <TimePicker
            salonId={booking.salon.id}
            serviceId={booking.service.id}
            staffId={booking.staff.id}
            timeZone={salon.data.timezone}
            horizonDays={salon.data.booking_policy.booking_horizon_days}
            selectedDate={date}
            selectedStart={null}
            takenStart={takenStart}
            onSelectDate={setDate}
            onSelectSlot={(slot) => pick(slot.start)}
          />
        </div>
      )}
    </Dialog>
  );
}
