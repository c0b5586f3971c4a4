import "../backoffice.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { toLatinDigits } from "@/lib/phone";
import type { Audience, City, ManageSalon, ManageSalonChanges } from "@/types/models";

import { useUpdateManagedSalon } from "../api/update-salon";
import { type ClientErrors, hasErrors, serverFieldError } from "../forms";
import { ConfirmDialog } from "./ConfirmDialog";
import { useValidationMessages } from "../hooks/use-validation-messages";
import { FormErrorNotice } from "./FormErrorNotice";

const CITIES: readonly City[] = ["riyadh", "jeddah", "dammam", "khobar", "makkah", "madinah"];
const AUDIENCES: readonly Audience[] = ["women", "men", "all"];

const FIELDS = [
  "name_ar",
  "name_en",
  "description_ar",
  "description_en",
  "city",
  "district_ar",
  "district_en",
  "address_ar",
  "address_en",
  "latitude",
  "longitude",
  "phone_number",
  "audience",
  "vat_number",
  "is_active",
] as const;

type TextField = Exclude<(typeof FIELDS)[number], "city" | "audience" | "is_active">;

interface Values extends Record<TextField, string> {
  city: City;
  audience: Audience;
  is_active: boolean;
}

// The API's limits (the model's max_length).
const MAX_LENGTH: Partial<Record<TextField, number>> = {
  name_ar: 120,
  name_en: 120,
  district_ar: 80,
  district_en: 80,
  address_ar: 255,
  address_en: 255,
  phone_number: 16,
  vat_number: 15,
};

/** The server writes coordinates with six decimals ("24.872000"): the form shows them as typed. */
function coordinate(value: string | null): string {
  return value === null ? "" : String(Number(value));
}

function toValues(salon: ManageSalon): Values {
  return {
    name_ar: salon.name_ar,
    name_en: salon.name_en,
    description_ar: salon.description_ar,
    description_en: salon.description_en,
    city: salon.city,
    district_ar: salon.district_ar,
    district_en: salon.district_en,
    address_ar: salon.address_ar,
    address_en: salon.address_en,
    latitude: coordinate(salon.latitude),
    longitude: coordinate(salon.longitude),
    phone_number: salon.phone_number,
    audience: salon.audience,
    vat_number: salon.vat_number,
    is_active: salon.is_active,
  };
}

const COORDINATE = /^-?\d{1,3}(\.\d{1,6})?$/;

function normalizeDecimal(text: string): string | null {
  return toLatinDigits(text).trim().replace("٫", ".");
}

/** Only what changed is sent: the audit log then shows exactly what the manager changed. */
function changesFrom(values: Values, salon: ManageSalon): ManageSalonChanges {
  const before = toValues(salon);
  const changes: ManageSalonChanges = {};
  for (const field of FIELDS) {
    if (values[field] === before[field]) continue;
    if (field === "latitude" || field === "longitude") {
      const typed = normalizeDecimal(values[field]);
      changes[field] = typed ? typed : null;
    } else if (field === "vat_number" || field === "phone_number") {
      changes[field] = toLatinDigits(values[field]).replace(/\s/g, "");
    } else if (field === "is_active") {
      changes.is_active = values.is_active;
    } else if (field === "city") {
      changes.city = values.city;
    } else if (field === "audience") {
      changes.audience = values.audience;
    } else {
      changes[field] = values[field].trim();
    }
  }
  return changes;
}

export function SalonProfileForm({ salon }: { salon: ManageSalon }) {
  const { t } = useTranslation("backoffice");
  const messages = useValidationMessages();
  const update = useUpdateManagedSalon(salon.id);
  const [values, setValues] = useState<Values>(() => toValues(salon));
  const [errors, setErrors] = useState<ClientErrors>({});
  const [confirmingHide, setConfirmingHide] = useState(false);
  const [nothingChanged, setNothingChanged] = useState(false);
  // "Saved" is said until the next edit.
  const [edited, setEdited] = useState(false);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setNothingChanged(false);
    setEdited(true);
  };
  const error = (field: string) => errors[field] ?? serverFieldError(update.error, field);

  const validate = (): ClientErrors => {
    const found: ClientErrors = {};
    if (!values.name_ar.trim()) found.name_ar = t("validation.required");
    for (const [field, max] of Object.entries(MAX_LENGTH) as [TextField, number][]) {
      if (values[field].trim().length > max) found[field] = messages.tooLong(max);
    }
    for (const [field, limit] of [
      ["latitude", 90],
      ["longitude", 180],
    ] as const) {
      const typed = normalizeDecimal(values[field]);
      if (typed && (!COORDINATE.test(typed) || Math.abs(Number(typed)) > limit))
        found[field] = messages.coordinate(limit);
    }
    const vat = toLatinDigits(values.vat_number).replace(/\s/g, "");
    if (vat && !/^3\d{13}3$/.test(vat)) found.vat_number = t("validation.vatNumber");
    return found;
  };

  const save = () => {
    setConfirmingHide(false);
    setEdited(false);
    const changes = changesFrom(values, salon);
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    update.mutate(changes);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (hasErrors(found)) return;
    // Hiding the salon from customers is asked about first.
    if (salon.is_active && !values.is_active) setConfirmingHide(true);
    else save();
  };

  const bind = (field: TextField) => ({
    className: "input",
    value: values[field],
    maxLength: MAX_LENGTH[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="salon-profile-title">
      <h2 id="salon-profile-title">{t("salon.profile")}</h2>
      <div className="bilingual">
        <Field label={t("fields.name_ar")} error={error("name_ar")}>
          <input {...bind("name_ar")} dir="rtl" lang="ar" required />
        </Field>
        <Field label={t("fields.name_en")} error={error("name_en")}>
          <input {...bind("name_en")} dir="ltr" lang="en" />
        </Field>
        <Field label={t("fields.description_ar")} error={error("description_ar")}>
          <textarea {...bind("description_ar")} rows={4} dir="rtl" lang="ar" />
        </Field>
        <Field label={t("fields.description_en")} error={error("description_en")}>
          <textarea {...bind("description_en")} rows={4} dir="ltr" lang="en" />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t("fields.city")} error={error("city")}>
          <select className="input" value={values.city} onChange={(event) => set("city", event.target.value as City)}>
            {CITIES.map((city) => (
              <option key={city} value={city}>
                {t(`cities.${city}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("fields.audience")} error={error("audience")}>
          <select
            className="input"
            value={values.audience}
            onChange={(event) => set("audience", event.target.value as Audience)}
          >
            {AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {t(`audiences.${audience}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="bilingual">
        <Field label={t("fields.district_ar")} error={error("district_ar")}>
          <input {...bind("district_ar")} dir="rtl" lang="ar" />
        </Field>
        <Field label={t("fields.district_en")} error={error("district_en")}>
          <input {...bind("district_en")} dir="ltr" lang="en" />
        </Field>
        <Field label={t("fields.address_ar")} error={error("address_ar")}>
          <input {...bind("address_ar")} dir="rtl" lang="ar" autoComplete="street-address" />
        </Field>
        <Field label={t("fields.address_en")} error={error("address_en")}>
          <input {...bind("address_en")} dir="ltr" lang="en" />
        </Field>
      </div>
      <div className="field-row">
        <Field label={t("fields.latitude")} hint={t("salon.latitudeHint")} error={error("latitude")}>
          <input {...bind("latitude")} className="input input--ltr" dir="ltr" inputMode="decimal" />
        </Field>
        <Field label={t("fields.longitude")} hint={t("salon.longitudeHint")} error={error("longitude")}>
          <input {...bind("longitude")} className="input input--ltr" dir="ltr" inputMode="decimal" />
        </Field>
      </div>
      <div className="bilingual">
        <Field label={t("fields.phone_number")} error={error("phone_number")}>
          <input {...bind("phone_number")} className="input input--ltr" dir="ltr" type="tel" autoComplete="tel" />
        </Field>
        <Field label={t("fields.vat_number")} hint={t("salon.vatHint")} error={error("vat_number")}>
          <input {...bind("vat_number")} className="input input--ltr" dir="ltr" inputMode="numeric" />
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={values.is_active}
          onChange={(event) => set("is_active", event.target.checked)}
        />
        <span>{t("salon.isActive")}</span>
      </label>
      {error("is_active") && <p className="field__error">{error("is_active")}</p>}
      {hasErrors(errors) && (
        <Notice tone="error" live>
          <p>{t("form.checkFields")}</p>
        </Notice>
      )}
      <FormErrorNotice error={update.error} fields={FIELDS} />
      {nothingChanged && (
        <Notice tone="info" live>
          <p>{t("form.nothingChanged")}</p>
        </Notice>
      )}
      {update.isSuccess && !edited && !nothingChanged && <Notice tone="success" live title={t("form.saved")} />}
      <button type="submit" className="button manage-form__submit" disabled={update.isPending}>
        {update.isPending ? t("form.saving") : t("salon.saveProfile")}
      </button>
      <ConfirmDialog
        open={confirmingHide}
        title={t("salon.hideTitle")}
        confirmLabel={t("salon.hideConfirm")}
        onConfirm={save}
        onClose={() => setConfirmingHide(false)}
      >
        <p>{t("salon.hideText")}</p>
      </ConfirmDialog>
    </form>
  );
}
