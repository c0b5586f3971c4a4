import { useReducer } from "react";
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
import { formatCalendarDate } from "@/lib/format/date";
import { formatTime } from "@/lib/format/time";

interface WalkInDialogProps {
  stylist: { id: number; name: string; salonId: number };
  onClose: () => void;
}

/**
 * A manager (or stylist) books a walk-in or phone customer with the salons' pickers and the
 * bookings' form: service, free time, then the customer (`features/bookings/walk-in/state.ts`).
 */
export function WalkInDialog({ stylist, onClose }: WalkInDialogProps) {
  const { t } = useTranslation("bookings");
  const language = useLanguage();
  const salon = useSalon(stylist.salonId);
  const [state, dispatch] = useReducer(walkInReducer, WALK_IN_START);

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
          onSelect={(serviceId) => dispatch({ type: "pick_service", serviceId })}
        />
      ) : state.step === "selecting_time" ? (
        <div className="stack">
          <button type="button" className="link-button" onClick={() => dispatch({ type: "change_service" })}>
            {t("walkIn.changeService")}
          </button>
          {state.unavailable && <TimeUnavailableNotice reason={state.unavailable.reason} />}
          <TimePicker
            salonId={stylist.salonId}
            serviceId={state.serviceId}
            staffId={stylist.id}
            timeZone={salon.data.timezone}
            selectedDate={state.date}
            selectedStart={null}
            takenStart={state.unavailable?.start ?? null}
            onSelectDate={(date) => dispatch({ type: "pick_date", date })}
            onSelectSlot={(slot, date) => dispatch({ type: "pick_slot", slot, date })}
          />
        </div>
      ) : (
        <div className="stack">
          <p>
            <bdi>{formatCalendarDate(state.date, language, "full")}</bdi> ·{" "}
            <bdi>{formatTime(state.slot.start, language, salon.data.timezone)}</bdi>
          </p>
          <button type="button" className="link-button" onClick={() => dispatch({ type: "change_time" })}>
            {t("walkIn.changeTime")}
          </button>
          <WalkInForm
            serviceId={state.serviceId}
            staffId={stylist.id}
            start={state.slot.start}
            onBooked={() => dispatch({ type: "booked" })}
            onTimeUnavailable={(start, reason) => dispatch({ type: "time_unavailable", time: { start, reason } })}
          />
        </div>
      )}
    </Dialog>
  );
}
