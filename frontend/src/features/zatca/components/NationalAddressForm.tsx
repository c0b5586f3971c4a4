import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { isApiError } from "@/lib/api-client";
import type { ZatcaLegalDetails } from "@/types/models";

import { type NationalAddressChanges, useUpdateNationalAddress } from "../api/update-legal-details";
import { ADDRESS_FIELDS, type AddressField, digitsOf, normalized, problemOf } from "../forms";

interface NationalAddressFormProps {
  salonId: number;
  details: ZatcaLegalDetails;
}

/** The seller's national address and commercial registration that every e-invoice carries. */
export function NationalAddressForm({ salonId, details }: NationalAddressFormProps) {
  const { t } = useTranslation("zatca");
  const errorMessage = useErrorMessage();
  const update = useUpdateNationalAddress(salonId);
  const [values, setValues] = useState<Record<AddressField, string>>(
    () =>
      Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, details[field] ?? ""])) as Record<AddressField, string>,
  );
  const [problems, setProblems] = useState<Partial<Record<AddressField, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const found: Partial<Record<AddressField, string>> = {};
    for (const field of ADDRESS_FIELDS) {
      const problem = problemOf(field, values[field]);
      if (problem === "required") found[field] = t("address.required");
      if (problem === "digits") found[field] = t("address.digits", { count: digitsOf(field) });
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const changes: NationalAddressChanges = {};
    for (const field of ADDRESS_FIELDS) changes[field] = normalized(field, values[field]);
    update.mutate(changes);
  };

  const serverError = (field: AddressField) =>
    isApiError(update.error) ? (update.error.fieldErrors[field]?.[0] ?? null) : null;

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="zatca-address-heading">
      <h3 id="zatca-address-heading">{t("address.heading")}</h3>
      <p className="muted">{t("address.intro")}</p>
      {ADDRESS_FIELDS.map((field) => (
        <Field key={field} label={t(`address.fields.${field}`)} error={problems[field] ?? serverError(field)}>
          <input
            className="input"
            type="text"
            inputMode={digitsOf(field) ? "numeric" : undefined}
            value={values[field]}
            onChange={(event) => {
              setValues((current) => ({ ...current, [field]: event.target.value }));
              setProblems((current) => ({ ...current, [field]: undefined }));
            }}
          />
        </Field>
      ))}
      {update.isError && !ADDRESS_FIELDS.some((field) => serverError(field)) && (
        <Notice tone="error" live>
          <p>{errorMessage(update.error)}</p>
        </Notice>
      )}
      {update.isSuccess && <Notice tone="success" live title={t("address.saved")} />}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t("address.saving") : t("address.save")}
        </button>
      </div>
    </form>
  );
}
