import "../packages.css";

import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";

import { useMyPackages } from "../api/list-my-packages";
import { localName } from "./names";

/** What the booking uses besides paying: a package session, a gift card's code, or nothing. */
export type Redemption =
  { kind: "none" } | { kind: "package"; purchaseId: number } | { kind: "gift_card"; code: string };

interface RedemptionPickerProps {
  serviceId: number;
  value: Redemption;
  onChange: (value: Redemption) => void;
}

/** The booking review's "Use a package session" (the customer's usable packages of this service) or "Gift card code". */
export function RedemptionPicker({ serviceId, value, onChange }: RedemptionPickerProps) {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const packages = useMyPackages();
  const usable = (packages.data ?? []).filter((item) => item.usable && item.package.service === serviceId);

  return (
    <fieldset className="packages-choice">
      <legend className="field__label">{t("redeem.legend")}</legend>
      <label>
        <input type="radio" name="redeem" checked={value.kind === "none"} onChange={() => onChange({ kind: "none" })} />{" "}
        {t("redeem.none")}
      </label>
      {usable.map((item) => (
        <label key={item.id}>
          <input
            type="radio"
            name="redeem"
            checked={value.kind === "package" && value.purchaseId === item.id}
            onChange={() => onChange({ kind: "package", purchaseId: item.id })}
          />{" "}
          {t("redeem.package", {
            name: localName(language, item.package.name_ar, item.package.name_en),
            count: item.sessions_left,
            n: formatNumber(item.sessions_left, language),
          })}
        </label>
      ))}
      <label>
        <input
          type="radio"
          name="redeem"
          checked={value.kind === "gift_card"}
          onChange={() => onChange({ kind: "gift_card", code: "" })}
        />{" "}
        {t("redeem.giftCard")}
      </label>
      {value.kind === "gift_card" && (
        <Field label={t("redeem.code")} hint={t("redeem.codeHint")}>
          <input
            className="input packages-code"
            autoComplete="off"
            maxLength={20}
            value={value.code}
            onChange={(event) => onChange({ kind: "gift_card", code: event.target.value })}
          />
        </Field>
      )}
    </fieldset>
  );
}

/** The booking body's fields for a redemption. */
export function redemptionFields(value: Redemption): { package?: number; gift_card?: string } {
  if (value.kind === "package") return { package: value.purchaseId };
  if (value.kind === "gift_card" && value.code.trim()) return { gift_card: value.code.trim() };
  return {};
}
