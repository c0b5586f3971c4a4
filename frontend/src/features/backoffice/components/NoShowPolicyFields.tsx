import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { halalasToDecimal, parseRiyals } from "@/lib/format/money";
import type { ManageSalon, ManageSalonChanges, NoShowPolicyKind } from "@/types/models";

import { type ClientErrors, parseWhole } from "../forms";

export const NO_SHOW_FIELDS = ["deposit_percent", "no_show_fee_percent", "no_show_limit"] as const;
const POLICIES = ["none", "deposit", "card_hold"] as const satisfies readonly NoShowPolicyKind[];
type DepositKind = "percent" | "amount";

export interface NoShowValues {
  no_show_policy: NoShowPolicyKind;
  deposit_kind: DepositKind;
  deposit_percent: string;
  /** Riyals, as typed. */
  deposit_amount: string;
  no_show_fee_percent: string;
  no_show_limit: string;
}

export function toNoShowValues(salon: ManageSalon): NoShowValues {
  return {
    no_show_policy: salon.no_show_policy,
    deposit_kind: salon.deposit_amount !== null ? "amount" : "percent",
    deposit_percent: salon.deposit_percent === null ? "" : String(salon.deposit_percent),
    deposit_amount: salon.deposit_amount === null ? "" : halalasToDecimal(salon.deposit_amount),
    no_show_fee_percent: String(salon.no_show_fee_percent),
    no_show_limit: String(salon.no_show_limit),
  };
}

/** The policy's changes to send, with the fields' errors added to `found`. */
export function noShowChanges(
  values: NoShowValues,
  found: ClientErrors,
  between: (min: number, max: number) => string,
  wholeNumber: string,
): ManageSalonChanges {
  const changes: ManageSalonChanges = { no_show_policy: values.no_show_policy };
  const fee = parseWhole(values.no_show_fee_percent);
  if (fee === null || fee < 1 || fee > 100) found.no_show_fee_percent = between(1, 100);
  else changes.no_show_fee_percent = fee;
  const limit = parseWhole(values.no_show_limit);
  if (limit === null || limit > 32_767) found.no_show_limit = wholeNumber;
  else changes.no_show_limit = limit;
  if (values.no_show_policy !== "deposit") return changes;
  if (values.deposit_kind === "percent") {
    const percent = parseWhole(values.deposit_percent);
    if (percent === null || percent < 1 || percent > 100) found.deposit_percent = between(1, 100);
    else changes.deposit_percent = percent;
  } else {
    const amount = parseRiyals(values.deposit_amount);
    if (amount === null || amount < 100) found.deposit_amount = between(1, 9_999_999);
    else changes.deposit_amount = amount;
  }
  return changes;
}

interface NoShowPolicyFieldsProps {
  values: NoShowValues;
  error: (field: string) => string | null | undefined;
  set: (field: keyof NoShowValues, value: string) => void;
}

/** No-show protection: none, a deposit (a share or a fixed amount) or a card hold; the fee; the limit. */
export function NoShowPolicyFields({ values, error, set }: NoShowPolicyFieldsProps) {
  const { t } = useTranslation("backoffice");
  const input = (field: keyof NoShowValues, label: string, hint?: string, decimal = false) => (
    <Field label={label} hint={hint} error={error(field)}>
      <input
        className="input input--ltr"
        dir="ltr"
        inputMode={decimal ? "decimal" : "numeric"}
        value={values[field]}
        onChange={(event) => set(field, event.target.value)}
      />
    </Field>
  );

  return (
    <fieldset className="stack" aria-labelledby="no-show-title">
      <h3 id="no-show-title">{t("noShow.title")}</h3>
      <Field label={t("fields.no_show_policy")} hint={t("noShow.policyHint")} error={error("no_show_policy")}>
        <select
          className="input"
          value={values.no_show_policy}
          onChange={(event) => set("no_show_policy", event.target.value)}
        >
          {POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`noShow.policies.${policy}`)}
            </option>
          ))}
        </select>
      </Field>
      {values.no_show_policy === "deposit" && (
        <>
          <Field label={t("noShow.depositKind")}>
            <select
              className="input"
              value={values.deposit_kind}
              onChange={(event) => set("deposit_kind", event.target.value)}
            >
              <option value="percent">{t("noShow.depositPercent")}</option>
              <option value="amount">{t("noShow.depositAmount")}</option>
            </select>
          </Field>
          {values.deposit_kind === "percent"
            ? input("deposit_percent", t("fields.deposit_percent"))
            : input("deposit_amount", t("fields.deposit_amount"), t("noShow.depositAmountHint"), true)}
        </>
      )}
      {values.no_show_policy === "card_hold" && <p className="field__hint">{t("noShow.cardHoldHint")}</p>}
      <div className="field-grid">
        {input("no_show_fee_percent", t("fields.no_show_fee_percent"), t("noShow.feeHint"))}
        {input("no_show_limit", t("fields.no_show_limit"), t("noShow.limitHint"))}
      </div>
    </fieldset>
  );
}
