import "../backoffice.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { halalasToDecimal, parseRiyals } from "@/lib/format/money";
import type { ServiceCategory } from "@/types/models";

import { useCreateService } from "../api/create-service";
import { useUpdateService } from "../api/update-service";
import { type ClientErrors, hasErrors, parseWhole, serverFieldError } from "../forms";
import { staffName } from "../names";
import type { ManagedService, ManagedStaff, ServiceInput } from "@/types/models";
import { useValidationMessages } from "../hooks/use-validation-messages";
import { FormErrorNotice } from "./FormErrorNotice";

const FIELDS = [
  "category",
  "name_ar",
  "name_en",
  "description_ar",
  "description_en",
  "duration_minutes",
  "price_amount",
  "buffer_minutes",
  "is_active",
  "display_order",
  "staff_ids",
] as const;

interface Values {
  category: string;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  duration_minutes: string;
  /** Riyals as typed ("180.50"); sent as halalas. */
  price: string;
  buffer_minutes: string;
  display_order: string;
  is_active: boolean;
  staff_ids: number[];
}

/** "180.00" → "180": whole riyals without decimals. */
function riyals(halalas: number): string {
  return halalasToDecimal(halalas).replace(/\.00$/, "");
}

function toValues(service: ManagedService | null, categories: ServiceCategory[]): Values {
  return {
    category: String(service?.category ?? categories[0]?.id ?? ""),
    name_ar: service?.name_ar ?? "",
    name_en: service?.name_en ?? "",
    description_ar: service?.description_ar ?? "",
    description_en: service?.description_en ?? "",
    duration_minutes: service ? String(service.duration_minutes) : "",
    price: service ? riyals(service.price_amount) : "",
    buffer_minutes: String(service?.buffer_minutes ?? 0),
    display_order: String(service?.display_order ?? 0),
    is_active: service?.is_active ?? true,
    staff_ids: service?.staff_ids ?? [],
  };
}

interface ServiceDialogProps {
  salonId: number;
  /** The service to edit; null to add one. */
  service: ManagedService | null;
  categories: ServiceCategory[];
  staff: ManagedStaff[];
  onClose: () => void;
  onSaved: (service: ManagedService) => void;
}

export function ServiceDialog({ salonId, service, categories, staff, onClose, onSaved }: ServiceDialogProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const messages = useValidationMessages();
  const create = useCreateService(salonId);
  const update = useUpdateService(salonId);
  const mutation = service ? update : create;
  const [values, setValues] = useState<Values>(() => toValues(service, categories));
  const [errors, setErrors] = useState<ClientErrors>({});
  const staffLegendId = useId();
  const error = (field: string) => errors[field] ?? serverFieldError(mutation.error, field);
  const set = <K extends keyof Values>(field: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  // Stylists who may be chosen: the active ones, and any inactive one already offering it.
  const offeredBy = staff.filter((member) => member.is_active || values.staff_ids.includes(member.id));

  /** The API's rules (the model's validators), checked before sending. */
  const validate = (): { found: ClientErrors; input: ServiceInput | null } => {
    const found: ClientErrors = {};
    const category = parseWhole(values.category);
    if (category === null) found.category = t("validation.required");
    if (!values.name_ar.trim()) found.name_ar = t("validation.required");
    for (const field of ["name_ar", "name_en"] as const) {
      if (values[field].trim().length > 120) found[field] = messages.tooLong(120);
    }
    const duration = parseWhole(values.duration_minutes);
    if (duration === null || duration < 5 || duration > 720) found.duration_minutes = messages.between(5, 720);
    const price = parseRiyals(values.price);
    if (price === null) found.price_amount = t("validation.price");
    const buffer = parseWhole(values.buffer_minutes);
    if (buffer === null || buffer > 240) found.buffer_minutes = messages.between(0, 240);
    const order = parseWhole(values.display_order);
    if (order === null) found.display_order = t("validation.wholeNumber");
    if (
      hasErrors(found) ||
      category === null ||
      duration === null ||
      price === null ||
      buffer === null ||
      order === null
    )
      return { found, input: null };
    return {
      found,
      input: {
        category,
        name_ar: values.name_ar.trim(),
        name_en: values.name_en.trim(),
        description_ar: values.description_ar.trim(),
        description_en: values.description_en.trim(),
        duration_minutes: duration,
        price_amount: price,
        buffer_minutes: buffer,
        display_order: order,
        is_active: values.is_active,
        staff_ids: values.staff_ids,
      },
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { found, input } = validate();
    setErrors(found);
    if (!input) return;
    if (service) update.mutate({ serviceId: service.id, changes: input }, { onSuccess: onSaved });
    else create.mutate(input, { onSuccess: onSaved });
  };

  const toggleStylist = (id: number, offered: boolean) =>
    set("staff_ids", offered ? [...values.staff_ids, id] : values.staff_ids.filter((other) => other !== id));

  return (
    <Dialog open title={service ? t("services.editTitle") : t("services.addTitle")} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label={t("fields.category")} error={error("category")}>
          <select className="input" value={values.category} onChange={(event) => set("category", event.target.value)}>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="bilingual">
          <Field label={t("fields.name_ar")} error={error("name_ar")}>
            <input
              className="input"
              dir="rtl"
              lang="ar"
              maxLength={120}
              required
              value={values.name_ar}
              onChange={(event) => set("name_ar", event.target.value)}
            />
          </Field>
          <Field label={t("fields.name_en")} error={error("name_en")}>
            <input
              className="input"
              dir="ltr"
              lang="en"
              maxLength={120}
              value={values.name_en}
              onChange={(event) => set("name_en", event.target.value)}
            />
          </Field>
          <Field label={t("fields.description_ar")} error={error("description_ar")}>
            <textarea
              className="input"
              dir="rtl"
              lang="ar"
              rows={3}
              value={values.description_ar}
              onChange={(event) => set("description_ar", event.target.value)}
            />
          </Field>
          <Field label={t("fields.description_en")} error={error("description_en")}>
            <textarea
              className="input"
              dir="ltr"
              lang="en"
              rows={3}
              value={values.description_en}
              onChange={(event) => set("description_en", event.target.value)}
            />
          </Field>
        </div>
        <div className="field-row">
          <Field label={t("fields.duration_minutes")} error={error("duration_minutes")}>
            <input
              className="input input--ltr"
              dir="ltr"
              inputMode="numeric"
              value={values.duration_minutes}
              onChange={(event) => set("duration_minutes", event.target.value)}
            />
          </Field>
          <Field label={t("services.price")} hint={t("services.priceHint")} error={error("price_amount")}>
            <input
              className="input input--ltr"
              dir="ltr"
              inputMode="decimal"
              value={values.price}
              onChange={(event) => set("price", event.target.value)}
            />
          </Field>
          <Field label={t("fields.buffer_minutes")} hint={t("services.bufferHint")} error={error("buffer_minutes")}>
            <input
              className="input input--ltr"
              dir="ltr"
              inputMode="numeric"
              value={values.buffer_minutes}
              onChange={(event) => set("buffer_minutes", event.target.value)}
            />
          </Field>
          <Field label={t("fields.display_order")} hint={t("services.orderHint")} error={error("display_order")}>
            <input
              className="input input--ltr"
              dir="ltr"
              inputMode="numeric"
              value={values.display_order}
              onChange={(event) => set("display_order", event.target.value)}
            />
          </Field>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={values.is_active}
            onChange={(event) => set("is_active", event.target.checked)}
          />
          <span>{t("services.isActive")}</span>
        </label>
        <fieldset className="checklist" aria-describedby={error("staff_ids") ? `${staffLegendId}-error` : undefined}>
          <legend id={staffLegendId} className="field__label">
            {t("services.offeredBy")}
          </legend>
          {offeredBy.length === 0 ? (
            <p className="field__hint">{t("services.noStylists")}</p>
          ) : (
            offeredBy.map((member) => (
              <label key={member.id} className="check">
                <input
                  type="checkbox"
                  checked={values.staff_ids.includes(member.id)}
                  onChange={(event) => toggleStylist(member.id, event.target.checked)}
                />
                <span>{staffName(member, language)}</span>
              </label>
            ))
          )}
          {error("staff_ids") && (
            <p className="field__error" id={`${staffLegendId}-error`} role="alert">
              {error("staff_ids")}
            </p>
          )}
        </fieldset>
        {hasErrors(errors) && (
          <Notice tone="error" live>
            <p>{t("form.checkFields")}</p>
          </Notice>
        )}
        <FormErrorNotice error={mutation.error} fields={FIELDS} />
        <div className="actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {mutation.isPending ? t("form.saving") : service ? t("form.save") : t("services.create")}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("actions.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
