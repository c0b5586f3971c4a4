import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import type { TimeUnavailableCode } from "@/features/bookings/api/booking-cache";
import { BookingReview } from "@/features/bookings/components/BookingReview";
import { BookingStepper } from "@/features/bookings/components/BookingStepper";
import { SelectionSummary } from "@/features/bookings/components/SelectionSummary";
import { TimeUnavailableNotice } from "@/features/bookings/components/TimeUnavailableNotice";
import { type Redemption, RedemptionPicker, redemptionFields } from "@/features/packages/components/RedemptionPicker";
import { VisitServices } from "@/features/bookings/components/VisitServices";
import { PasskeySignIn } from "@/features/passkeys/components/PasskeySignIn";
import { offerPasskeyAfterPhoneSignIn } from "@/features/passkeys/offer";
import {
  backTo,
  deriveStep,
  findService,
  isPastStart,
  resolveSelection,
  staffFor,
  visitItems,
  visitTimes,
} from "@/features/bookings/flow/state";
import { useBookingSelection } from "@/features/bookings/flow/use-booking-selection";
import { JoinWaitlistForm } from "@/features/waitlist/components/JoinWaitlistForm";
import { useSalon } from "@/features/salons/api/get-salon";
import { ServicePicker } from "@/features/salons/components/ServicePicker";
import { StaffPicker } from "@/features/salons/components/StaffPicker";
import { TimePicker } from "@/features/salons/components/TimePicker";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useSession } from "@/hooks/use-session";
import { isApiError } from "@/lib/api-client";
import { parseId } from "@/lib/route-params";
import type { Booking } from "@/types/models";

import { SignInChoices } from "../compositions/SignInChoices";

interface FlowNavigationState {
  /** The start that could not be booked any more while the customer was confirming it. */
  takenStart?: string;
  /** Why: taken by someone else, passed, too soon, off the salon's grid, beyond its horizon. */
  reason?: TimeUnavailableCode;
}

function endOf(start: string, minutes: number): string {
  return new Date(Date.parse(start) + minutes * 60_000).toISOString();
}

/** The booking wizard: service → stylist → time → sign in (in place) → review and confirm. */
export function Component() {
  const { t } = useTranslation("bookings");
  const salonId = parseId(useParams().salonId);
  const salon = useSalon(salonId ?? 0);
  const { status } = useSession();
  const { selection: requested, select } = useBookingSelection();
  const navigate = useNavigate();
  const location = useLocation();
  const flowState = location.state as FlowNavigationState | null;
  const takenStart = flowState?.takenStart ?? null;
  const reason = flowState?.reason ?? "slot_unavailable";
  // A new account gives its name before the flow moves on to the review.
  const [completingProfile, setCompletingProfile] = useState(false);
  // A package session or a gift card chosen on the review step.
  const [redemption, setRedemption] = useState<Redemption>({ kind: "none" });
  const headingRef = useRef<HTMLHeadingElement>(null);

  const selection = salon.data ? resolveSelection(requested, salon.data) : requested;
  // A link or a reload with a time that has passed meanwhile: say so while showing fresh times.
  const passedStart = requested.start !== null && selection.start === null && isPastStart(requested.start);
  const signedIn = status === "signed_in" && !completingProfile;
  const step = deriveStep(selection, { signedIn });
  const restoring = status === "restoring" && step === "signing_in";

  useDocumentTitle(salon.data ? t("flow.title", { salon: salon.data.name }) : null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  if (salonId === null || (isApiError(salon.error) && salon.error.status === 404)) return <NotFound />;
  if (salon.isPending) return <LoadingState />;
  if (salon.isError) return <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />;

  const data = salon.data;
  const service = findService(data, selection.serviceId);
  const staffMember = typeof selection.staff === "number" ? data.staff.find((m) => m.id === selection.staff) : null;
  // A visit of several services (ADR 0017): the first one and those added after it, in order.
  const items = visitItems(data, selection);
  const extras = items.slice(1);
  const timed = selection.start ? visitTimes(items, selection.start) : [];
  const staffName = (id: number | null) => {
    const member = id === null ? undefined : data.staff.find((m) => m.id === id);
    return member ? { id: member.id, name: member.display_name } : null;
  };

  const booked = (booking: Booking) =>
    void navigate(booking.allowed_actions.includes("pay") ? `/bookings/${booking.id}/pay` : `/bookings/${booking.id}`, {
      state: { justBooked: true },
    });

  return (
    <div className="booking-flow">
      <header className="booking-flow__header">
        <Link className="link booking-flow__salon" to={`/salons/${data.id}`}>
          <Icon name="back" size={16} />
          {data.name}
        </Link>
        <p className="booking-flow__title">{t("flow.heading")}</p>
        <BookingStepper
          current={step}
          showSignIn={status !== "signed_in" || step === "signing_in"}
          onGoTo={(target) => select(backTo(selection, target))}
        />
        <SelectionSummary salon={data} selection={selection} />
      </header>

      <section className="booking-flow__step" aria-labelledby="step-heading">
        <h1 id="step-heading" ref={headingRef} tabIndex={-1} className="booking-flow__step-title">
          {t(`flow.headings.${step}`)}
        </h1>

        {step === "selecting_service" && (
          <ServicePicker
            categories={data.categories}
            selectedId={selection.serviceId}
            onSelect={(serviceId) => select({ serviceId, staff: null, date: selection.date, start: null })}
          />
        )}

        {step === "selecting_staff" && service && (
          <StaffPicker
            staff={staffFor(data, service)}
            selectedId={selection.staff === "any" ? null : selection.staff}
            onSelect={(staffId) => select({ ...selection, staff: staffId ?? "any", start: null })}
          />
        )}

        {step === "selecting_time" && service && (
          <>
            {takenStart ? (
              <TimeUnavailableNotice reason={reason} />
            ) : (
              passedStart && <TimeUnavailableNotice reason="start_in_past" />
            )}
            <VisitServices
              categories={data.categories}
              first={service}
              extras={extras.map((item) => item.service)}
              onChange={(extraServiceIds) =>
                select(
                  { ...selection, extraServiceIds: extraServiceIds.length ? extraServiceIds : undefined, start: null },
                  { replace: true },
                )
              }
            />
            <TimePicker
              salonId={data.id}
              extras={extras.map((item) => ({ serviceId: item.service.id, staffId: item.staffId }))}
              serviceId={service.id}
              staffId={typeof selection.staff === "number" ? selection.staff : null}
              timeZone={data.timezone}
              horizonDays={data.booking_policy.booking_horizon_days}
              selectedDate={selection.date}
              selectedStart={selection.start}
              takenStart={takenStart ?? (passedStart ? requested.start : null)}
              onSelectDate={(date) => select({ ...selection, date, start: null }, { replace: true })}
              onSelectSlot={(slot, date) => select({ ...selection, date, start: slot.start })}
              emptyDay={(date) => (
                <JoinWaitlistForm
                  key={date}
                  salonId={data.id}
                  serviceId={service.id}
                  staffId={typeof selection.staff === "number" ? selection.staff : null}
                  date={date}
                  signedIn={status === "signed_in"}
                  returnTo={`${location.pathname}${location.search}`}
                />
              )}
            />
          </>
        )}

        {step === "signing_in" &&
          (restoring ? (
            <LoadingState />
          ) : (
            <>
              <p className="booking-flow__hint">{t("flow.signInHint")}</p>
              <SignInChoices
                onVerified={(result) => {
                  if (result.created || !result.user.first_name) setCompletingProfile(true);
                  offerPasskeyAfterPhoneSignIn();
                }}
                onComplete={() => setCompletingProfile(false)}
                alternatives={<PasskeySignIn />}
              />
            </>
          ))}

        {step === "confirming" && service && selection.start && (
          <BookingReview
            draft={{
              salonName: data.name,
              timeZone: data.timezone,
              policy: data.booking_policy,
              noShowPolicy: data.no_show_policy,
              service: {
                id: service.id,
                name: service.name,
                durationMinutes: service.duration_minutes,
                price: service.price,
              },
              staff: staffMember ? { id: staffMember.id, name: staffMember.display_name } : null,
              start: selection.start,
              end: timed.at(-1)?.end ?? endOf(selection.start, service.duration_minutes),
              items:
                extras.length > 0
                  ? timed.map((item) => ({
                      id: item.service.id,
                      name: item.service.name,
                      durationMinutes: item.service.duration_minutes,
                      price: item.service.price,
                      staff: staffName(item.staffId),
                      start: item.start,
                      end: item.end,
                    }))
                  : undefined,
            }}
            redemption={redemptionFields(redemption)}
            redemptionPicker={<RedemptionPicker serviceId={service.id} value={redemption} onChange={setRedemption} />}
            onBooked={booked}
            onTimeUnavailable={(start, why) =>
              select(
                { ...selection, start: null },
                { state: { takenStart: start, reason: why } satisfies FlowNavigationState },
              )
            }
          />
        )}
      </section>
    </div>
  );
}
