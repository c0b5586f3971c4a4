import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { useUpdatePayoutDetails } from "../api/update-payout-details";
import { LEGAL_NAME_MAX, serverFieldError } from "../forms";

interface LegalNameFormProps {
  salonId: number;
  legalName: string;
}

/** The salon's legal name (the beneficiary of payouts, the seller on invoices): saved without a code. */
export function LegalNameForm({ salonId, legalName }: LegalNameFormProps) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const update = useUpdatePayoutDetails(salonId);
  const [name, setName] = useState(legalName);
  const [problem, setProblem] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = name.trim();
    update.reset();
    setUnchanged(false);
    if (!value) return setProblem(t("details.legalNameRequired"));
    if (value.length > LEGAL_NAME_MAX)
      return setProblem(t("details.tooLong", { max: formatNumber(LEGAL_NAME_MAX, language) }));
    setProblem(null);
    if (value === legalName) return setUnchanged(true);
    update.mutate({ legal_name: value });
  };

  const fieldError = problem ?? serverFieldError(update.error, "legal_name");

  return (
    <form className="stack ledger-legal-name" onSubmit={submit} noValidate aria-labelledby="ledger-legal-name">
      <h3 id="ledger-legal-name">{t("details.legalNameHeading")}</h3>
      <Field label={t("details.legalName")} hint={t("details.legalNameHint")} error={fieldError}>
        <input
          className="input"
          type="text"
          autoComplete="organization"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
      </Field>
      {update.isError && !serverFieldError(update.error, "legal_name") && (
        <Notice tone="error" live>
          <p>{errorMessage(update.error)}</p>
        </Notice>
      )}
      {update.isSuccess && <Notice tone="success" live title={t("details.legalNameSaved")} />}
      {unchanged && <Notice tone="info" live title={t("details.nothingChanged")} />}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t("details.saving") : t("details.saveLegalName")}
        </button>
      </div>
    </form>
  );
}
