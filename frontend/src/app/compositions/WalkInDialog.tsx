import { useReducer, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { TimeUnavailableNotice } from "@/features/bookings/components/TimeUnavailableNotice";
import { WalkInForm } from "@/features/bookings/components/WalkInForm";
import { WALK_IN_START, walkInReducer } from "@/features/bookings/walk-in/state";
import { useSalon } from "@/features/salons/api/get-salon";
import { ServicePicker } from "@/features/salons/components/ServicePicker";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { useLanguage } from "@/hooks/use-language";
import { dateOfInstant, type IsoDate } from "@/lib/calendar-date";
import { formatCalendarDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";
import { MINUTE_MS, toZonedIso } from "@/lib/zoned-time";

interface WalkInDialogProps {
  stylist: { id: number; name: string; salonId: number };
  /**
   * A free time tapped on the desk's calendar (`start`, on the grid, free until `until`): once the
   * service is chosen the dialog goes straight to the customer when the service fits, and to that
   * day's free times when it does not.
   */
  at?: { start: string; until: string };
  /** Once booked, with the salon's local day of the booking (the day view then shows that day). */
  onBooked?: (date: IsoDate) => void;
  onClose: () => void;
}

/**
 * A manager (or stylist) books a walk-in or phone customer with the salons' pickers and the
 * bookings' form: service, free time, then the customer (`features/bookings/walk-in/state.ts`).
 */
export function WalkInDialog({ stylist, at, onBooked, onClose }: WalkInDialogProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const salon = useSalon(stylist.salonId);
  const [state, dispatch] = useReducer(walkInReducer, WALK_IN_START);
  // The tapped time is offered until the manager picks another one.
  const [preset, setPreset] = useState(at);
  const [didNotFit, setDidNotFit] = useState(false);

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
      ) : state.step === "booked" ? (
        <div className="stack">
          <Notice tone="success" live title={t("walkIn.booked")} />
          <button type="button" className="button" onClick={onClose}>
            {t("walkIn.done")}
          </button>
        </div>
      ) : state.step === "selecting_service" ? (
        <ServicePicker
          categories={categories}
          selectedId={null}
          onSelect={(serviceId) => {
            dispatch({ type: "pick_service", serviceId });
            if (!preset) return;
            const zone = salon.data.timezone;
            const service = categories.flatMap((category) => category.services).find((s) => s.id === serviceId);
            const start = Date.parse(preset.start);
            const end = start + (service?.duration_minutes ?? 0) * MINUTE_MS;
            const date = dateOfInstant(preset.start, zone);
            const fits = service && end + service.buffer_minutes * MINUTE_MS <= Date.parse(preset.until);
            if (fits) {
              const slot = { start: preset.start, end: toZonedIso(end, zone), staff: [stylist.id] };
              dispatch({ type: "pick_slot", slot, date });
            } else {
              dispatch({ type: "pick_date", date });
              setDidNotFit(true);
            }
          }}
        />
      ) : state.step === "selecting_time" ? (
        <div className="stack">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDidNotFit(false);
              dispatch({ type: "change_service" });
            }}
          >
            {t("walkIn.changeService")}
          </button>
          {state.unavailable && <TimeUnavailableNotice reason={state.unavailable.reason} />}
          {didNotFit && !state.unavailable && <Notice tone="info" live title={t("walkIn.doesNotFit")} />}
          <TimePicker
            salonId={stylist.salonId}
            serviceId={state.serviceId}
            staffId={stylist.id}
            timeZone={salon.data.timezone}
            selectedDate={state.date}
            selectedStart={null}
            takenStart={state.unavailable?.start ?? null}
            onSelectDate={(date) => dispatch({ type: "pick_date", date })}
            onSelectSlot={(slot, date) => {
              setDidNotFit(false);
              dispatch({ type: "pick_slot", slot, date });
            }}
          />
        </div>
      ) : (
        <div className="stack">
          <p>
            <bdi>{formatCalendarDate(state.date, language, "full")}</bdi> ·{" "}
            <bdi>{formatTime(state.slot.start, language, salon.data.timezone)}</bdi>
          </p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPreset(undefined);
              dispatch({ type: "change_time" });
            }}
          >
            {t("walkIn.changeTime")}
          </button>
          <WalkInForm
            serviceId={state.serviceId}
            staffId={stylist.id}
            start={state.slot.start}
            onBooked={() => {
              dispatch({ type: "booked" });
              onBooked?.(state.date);
            }}
            onTimeUnavailable={(start, reason) => dispatch({ type: "time_unavailable", time: { start, reason } })}
          />
        </div>
      )}
    </Dialog>
  );
}
