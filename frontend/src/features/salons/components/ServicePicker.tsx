import "../salons.css";

import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import { useFormatDuration } from "@/hooks/use-format-duration";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import type { ServiceGroup } from "@/types/models";

interface ServicePickerProps {
  categories: ServiceGroup[];
  selectedId: number | null;
  onSelect: (serviceId: number) => void;
}

export function ServicePicker({ categories, selectedId, onSelect }: ServicePickerProps) {
  const { t } = useTranslation("salons");
  const language = useLanguage();
  const formatDuration = useFormatDuration();
  return (
    <div className="picker">
      {categories.map((category) => (
        <section key={category.id} aria-labelledby={`pick-category-${category.id}`}>
          <h2 id={`pick-category-${category.id}`} className="picker__group">
            {category.name}
          </h2>
          <ul className="choice-list">
            {category.services.map((service) => (
              <li key={service.id}>
                <button
                  type="button"
                  className="choice"
                  aria-pressed={service.id === selectedId}
                  onClick={() => onSelect(service.id)}
                >
                  <span className="choice__main">
                    <span className="choice__title">{service.name}</span>
                    <span className="choice__meta">
                      {formatDuration(service.duration_minutes)} ·{" "}
                      {formatMoney(service.price.amount, service.price.currency, language, {
                        wholeWithoutDecimals: true,
                      })}
                    </span>
                  </span>
                  <Icon name="forward" />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="picker__note">{t("vatIncludedNote")}</p>
    </div>
  );
}
