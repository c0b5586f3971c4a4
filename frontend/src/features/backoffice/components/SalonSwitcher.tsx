import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import { useLanguage } from "@/hooks/use-language";
import type { ManageSalonSummary } from "@/types/models";

import { localizedName } from "../names";

interface SalonSwitcherProps {
  salons: ManageSalonSummary[];
  current: ManageSalonSummary;
  onSwitch: (salonId: number) => void;
}

/** The salon being managed: a choice for someone who manages several, its name for everyone. */
export function SalonSwitcher({ salons, current, onSwitch }: SalonSwitcherProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  if (salons.length < 2) {
    return (
      <p className="salon-switcher__name">
        {localizedName(current, language)}
        {!current.is_active && <span className="tag tag--accent">{t("status.inactive")}</span>}
      </p>
    );
  }
  return (
    <div className="salon-switcher">
      <Field label={t("shell.salon")}>
        <select className="input" value={current.id} onChange={(event) => onSwitch(Number(event.target.value))}>
          {salons.map((salon) => (
            <option key={salon.id} value={salon.id}>
              {localizedName(salon, language)}
              {salon.is_active ? "" : ` (${t("status.inactive")})`}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
