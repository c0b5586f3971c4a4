import "../backoffice.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import type { ManageSalon, ManageSalonChanges } from "@/types/models";

import { useUpdateManagedSalon } from "../api/update-salon";
import { type ClientErrors, hasErrors, parseWhole, serverFieldError } from "../forms";
import { useValidationMessages } from "../hooks/use-validation-messages";
import { FormErrorNotice } from "./FormErrorNotice";
import {
  NO_SHOW_FIELDS,
  type NoShowValues,
  NoShowPolicyFields,
  noShowChanges,
  toNoShowValues,
} from "./NoShowPolicyFields";

const NUMBER_FIELDS = [
  "lead_time_minutes",
  "booking_horizon_days",
  "slot_step_minutes",
  "cancellation_window_hours",
  "hold_minutes",
  "confirmation_window_hours",
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
const FIELDS = [
  ...NUMBER_FIELDS,
  "requires_prepayment",
  "unconfirmed_policy",
  ...NO_SHOW_FIELDS,
  "no_show_policy",
  "deposit_amount",
] as const;
const UNCONFIRMED_POLICIES = ["auto_confirm", "expire"] as const satisfies readonly ManageSalon["unconfirmed_policy"][];

// The API's bounds (the model's validators; the others are positive integers).
const BOUNDS: Record<NumberField, { min: number; max: number }> = {
  lead_time_minutes: { min: 0, max: 2_147_483_647 },
  booking_horizon_days: { min: 1, max: 365 },
  slot_step_minutes: { min: 5, max: 120 },
  cancellation_window_hours: { min: 0, max: 2_147_483_647 },
  hold_minutes: { min: 1, max: 1440 },
  confirmation_window_hours: { min: 1, max: 168 },
};

type Values = Record<NumberField, string> &
  NoShowValues & {
    requires_prepayment: boolean;
    unconfirmed_policy: ManageSalon["unconfirmed_policy"];
  };

function toValues(salon: ManageSalon): Values {
  return {
    lead_time_minutes: String(salon.lead_time_minutes),
    booking_horizon_days: String(salon.booking_horizon_days),
    slot_step_minutes: String(salon.slot_step_minutes),
    cancellation_window_hours: String(salon.cancellation_window_hours),
    hold_minutes: String(salon.hold_minutes),
    confirmation_window_hours: String(salon.confirmation_window_hours),
    requires_prepayment: salon.requires_prepayment,
    unconfirmed_policy: salon.unconfirmed_policy,
    ...toNoShowValues(salon),
  };
}

/** When customers may book, cancel, and whether they pay online first. */
export function BookingPolicyForm({ salon }: { salon: ManageSalon }) {
  const { t } = useTranslation("backoffice");
  const messages = useValidationMessages();
  const update = useUpdateManagedSalon(salon.id);
  const [values, setValues] = useState<Values>(() => toValues(salon));
  const [errors, setErrors] = useState<ClientErrors>({});
  const [edited, setEdited] = useState(false);
  const error = (field: string) => errors[field] ?? serverFieldError(update.error, field);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setEdited(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: ClientErrors = {};
    const changes: ManageSalonChanges = {
      requires_prepayment: values.requires_prepayment,
      unconfirmed_policy: values.unconfirmed_policy,
    };
    for (const field of NUMBER_FIELDS) {
      const value = parseWhole(values[field]);
      const { min, max } = BOUNDS[field];
      if (value === null || value < min || value > max) {
        found[field] = max === BOUNDS.lead_time_minutes.max ? t("validation.wholeNumber") : messages.between(min, max);
      } else {
        changes[field] = value;
      }
    }
    Object.assign(changes, noShowChanges(values, found, messages.between, t("validation.wholeNumber")));
    setErrors(found);
    if (hasErrors(found)) return;
    setEdited(false);
    update.mutate(changes);
  };

  const number = (field: NumberField, hint: string) => (
    <Field label={t(`fields.${field}`)} hint={hint} error={error(field)}>
      <input
        className="input input--ltr"
        dir="ltr"
        inputMode="numeric"
        value={values[field]}
        onChange={(event) => set(field, event.target.value)}
      />
    </Field>
  );

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="booking-policy-title">
      <h2 id="booking-policy-title">{t("policy.title")}</h2>
      <div className="field-grid">
        {number("lead_time_minutes", t("policy.leadTimeHint"))}
        {number("booking_horizon_days", t("policy.horizonHint"))}
        {number("slot_step_minutes", t("policy.slotStepHint"))}
        {number("cancellation_window_hours", t("policy.cancellationHint"))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={values.requires_prepayment}
          onChange={(event) => set("requires_prepayment", event.target.checked)}
        />
        <span>{t("fields.requires_prepayment")}</span>
      </label>
      {number("hold_minutes", t("policy.holdHint"))}
      {number("confirmation_window_hours", t("policy.confirmationHint"))}
      <Field label={t("fields.unconfirmed_policy")} error={error("unconfirmed_policy")}>
        <select
          className="input"
          value={values.unconfirmed_policy}
          onChange={(event) => set("unconfirmed_policy", event.target.value as Values["unconfirmed_policy"])}
        >
          {UNCONFIRMED_POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`policy.unconfirmed.${policy}`)}
            </option>
          ))}
        </select>
      </Field>
      <NoShowPolicyFields
        values={values}
        error={error}
        set={(field, value) => set(field, value)}
      />
      {hasErrors(errors) && (
        <Notice tone="error" live>
          <p>{t("form.checkFields")}</p>
        </Notice>
      )}
      <FormErrorNotice error={update.error} fields={FIELDS} />
      {update.isSuccess && !edited && <Notice tone="success" live title={t("form.saved")} />}
      <button type="submit" className="button manage-form__submit" disabled={update.isPending}>
        {update.isPending ? t("form.saving") : t("policy.save")}
      </button>
    </form>
  );
}
