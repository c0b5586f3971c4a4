import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";
import { useCompleteBooking } from "@/features/bookings/api/complete-booking";
import { useConfirmBooking } from "@/features/bookings/api/confirm-booking";
import { useMarkNoShow } from "@/features/bookings/api/mark-no-show";
import { CancelDialog } from "@/features/bookings/components/CancelDialog";
import type { Booking, BookingAction } from "@/types/models";

const DESK_ACTIONS: readonly BookingAction[] = ["confirm", "complete", "no_show", "reschedule", "cancel"];

interface DeskBookingActionsProps {
  booking: Booking;
  /** Offered when the booking may be rescheduled (the booking's own dialog moves it). */
  onMove?: () => void;
}

/**
 * What the desk can do with a booking now, as its `allowed_actions` say: confirm and complete in one
 * tap; a no-show (it stays on the customer's record) and a cancellation (with a reason the customer
 * is told) are asked first.
 */
export function DeskBookingActions({ booking, onMove }: DeskBookingActionsProps) {
  const { t } = useTranslation("desk");
  const { t: tb } = useTranslation("bookings");
  const errorMessage = useErrorMessage();
  const confirmation = useConfirmBooking();
  const completion = useCompleteBooking();
  const noShow = useMarkNoShow();
  const [asking, setAsking] = useState<"no_show" | "cancel" | null>(null);
  const can = (action: BookingAction) => booking.allowed_actions.includes(action);
  const failed = [confirmation, completion, noShow].find((mutation) => mutation.isError);
  const busy = confirmation.isPending || completion.isPending || noShow.isPending;
  const customer = booking.customer.first_name || t("calendar.customer");

  if (!DESK_ACTIONS.some(can)) return null;

  return (
    <div className="stack">
      {failed && asking === null && (
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
            {tb("actions.confirm")}
          </button>
        )}
        {can("complete") && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => completion.mutate(booking.id)}
          >
            {tb("actions.complete")}
          </button>
        )}
        {can("no_show") && (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={() => setAsking("no_show")}
          >
            {tb("actions.noShow")}
          </button>
        )}
        {can("reschedule") && onMove && (
          <button type="button" className="button button--secondary button--small" onClick={onMove}>
            {t("booking.move")}
          </button>
        )}
        {can("cancel") && (
          <button
            type="button"
            className="button button--ghost-danger button--small"
            onClick={() => setAsking("cancel")}
          >
            {tb("actions.cancel")}
          </button>
        )}
      </div>
      {can("no_show") && (
        <Dialog
          open={asking === "no_show"}
          title={t("booking.noShowTitle", { customer })}
          onClose={() => {
            setAsking(null);
            noShow.reset();
          }}
        >
          <div className="stack">
            <p>{t("booking.noShowText")}</p>
            {noShow.isError && (
              <Notice tone="error" live>
                <p>{errorMessage(noShow.error)}</p>
              </Notice>
            )}
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                disabled={noShow.isPending}
                onClick={() => noShow.mutate(booking.id, { onSuccess: () => setAsking(null) })}
              >
                {t("booking.noShowConfirm")}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAsking(null)}>
                {t("booking.keep")}
              </button>
            </div>
          </div>
        </Dialog>
      )}
      {can("cancel") && (
        <CancelDialog booking={booking} actor="salon" open={asking === "cancel"} onClose={() => setAsking(null)} />
      )}
    </div>
  );
}
