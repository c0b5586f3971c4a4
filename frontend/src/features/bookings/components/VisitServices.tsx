import "../bookings.css";

import { useId } from "react";
import { useTranslation } from "react-i18next";

import { useFormatDuration } from "@/hooks/use-format-duration";
import type { Service, ServiceGroup } from "@/types/models";

import { MAX_VISIT_SERVICES } from "../flow/state";

interface VisitServicesProps {
  categories: ServiceGroup[];
  first: Service;
  extras: Service[];
  /** The services after the first, in order. */
  onChange: (serviceIds: number[]) => void;
}

/** A visit of several services: the first one chosen, the ones added after it, and "Add another service". */
export function VisitServices({ categories, first, extras, onChange }: VisitServicesProps) {
  const { t } = useTranslation("bookings");
  const formatDuration = useFormatDuration();
  const headingId = useId();
  const selectId = useId();
  const ids = extras.map((service) => service.id);
  const services = [first, ...extras];

  return (
    <section className="visit-services" aria-labelledby={headingId}>
      <h2 id={headingId} className="heading-3">
        {t("visit.heading")}
      </h2>
      <ol className="visit-services__list">
        {services.map((service, index) => (
          <li key={`${service.id}-${index}`} className="visit-services__item">
            <span>
              {service.name}
              <span className="summary__aside">{formatDuration(service.duration_minutes)}</span>
            </span>
            {index > 0 && (
              <button
                type="button"
                className="button button--ghost-danger"
                aria-label={t("visit.remove", { service: service.name })}
                onClick={() => onChange(ids.filter((_, position) => position !== index - 1))}
              >
                {t("visit.removeShort")}
              </button>
            )}
          </li>
        ))}
      </ol>
      {services.length < MAX_VISIT_SERVICES && (
        <div className="visit-services__add">
          <label htmlFor={selectId}>{t("visit.add")}</label>
          <select
            id={selectId}
            className="input"
            value=""
            onChange={(event) => {
              const id = Number(event.target.value);
              if (id > 0) onChange([...ids, id]);
            }}
          >
            <option value="">{t("visit.choose")}</option>
            {categories.map((category) => (
              <optgroup key={category.id} label={category.name}>
                {category.services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
