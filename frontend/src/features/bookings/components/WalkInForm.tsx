import "../bookings.css";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { type ApiError } from "@/lib/api-client";
import { cleanPhoneInput, toSaudiMobile } from "@/lib/phone";
import type { Booking } from "@/types/models";

import { forgetFreeTimes, type TimeUnavailableCode, timeUnavailableCode } from "../api/booking-cache";
import { useCreateBooking } from "../api/create-booking";

interface WalkInFormProps {
  serviceId: number;
  staffId: number | null;
  start: string;
  onBooked: (booking: Booking) => void;
  /** The time was taken meanwhile (or can no longer be booked): back to fresh times. */
  onTimeUnavailable: (start: string, reason: TimeUnavailableCode) => void;
}

/** The salon books for a walk-in or phone customer: confirmed at once, no payment online. */
export function WalkInForm({ serviceId, staffId, start, onBooked, onTimeUnavailable }: WalkInFormProps) {
  const { t } = useTranslation("bookings");
  const errorMessage = useErrorMessage();
  const createBooking = useCreateBooking();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [invalidPhone, setInvalidPhone] = useState(false);

  const backToFreshTimes = async (reason: TimeUnavailableCode) => {
    await forgetFreeTimes(queryClient);
    onTimeUnavailable(start, reason);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const mobile = toSaudiMobile(phone);
    if (!mobile) {
      setInvalidPhone(true);
      return;
    }
    createBooking.mutate(
      {
        service: serviceId,
        staff: staffId,
        start,
        customer_phone: mobile,
        customer_name: name.trim(),
        note: note.trim(),
      },
      {
        onSuccess: onBooked,
        onError: (failure) => {
          const reason = timeUnavailableCode(failure);
          if (reason) void backToFreshTimes(reason);
        },
      },
    );
  };

  const error = createBooking.error as ApiError | null;
  const phoneError = invalidPhone ? t("walkIn.phoneInvalid") : (error?.fieldErrors.customer_phone?.[0] ?? null);

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field label={t("walkIn.phone")} error={phoneError}>
        <input
          className="input input--ltr"
          type="tel"
          dir="ltr"
          inputMode="tel"
          placeholder="05XXXXXXXX"
          value={phone}
          onChange={(event) => {
            setPhone(cleanPhoneInput(event.target.value));
            setInvalidPhone(false);
          }}
        />
      </Field>
      <Field label={t("walkIn.name")}>
        <input
          className="input"
          maxLength={150}
          dir="auto"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field label={t("walkIn.note")}>
        <textarea
          className="input"
          rows={2}
          maxLength={500}
          dir="auto"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Field>
      {error && !phoneError && !timeUnavailableCode(error) && (
        <Notice tone="error" live>
          <p>{errorMessage(error)}</p>
        </Notice>
      )}
      <button type="submit" className="button button--block" disabled={createBooking.isPending}>
        {createBooking.isPending ? t("review.booking") : t("walkIn.submit")}
      </button>
    </form>
  );
}
