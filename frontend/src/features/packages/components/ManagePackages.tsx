import "../packages.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney, parseRiyals } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";

import { useDeletePackage, useManagedPackages, useSavePackage } from "../api/manage-packages";
import { localName } from "./names";

interface ManagePackagesProps {
  salonId: number;
  /** The salon's services a package can be of. */
  services: { id: number; name: string }[];
}

/** The back office's packages: what is on sale, a form to add one, and taking one off sale or deleting it. */
export function ManagePackages({ salonId, services }: ManagePackagesProps) {
  const { t } = useTranslation("packages");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const packages = useManagedPackages(salonId);
  const save = useSavePackage(salonId);
  const remove = useDeletePackage(salonId);
  const [serviceId, setServiceId] = useState<number | null>(services[0]?.id ?? null);
  const [name, setName] = useState("");
  const [sessions, setSessions] = useState("5");
  const [validity, setValidity] = useState("90");
  const [price, setPrice] = useState("");
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseRiyals(price);
    const count = Number(sessions);
    const days = Number(validity);
    if (serviceId === null || !name.trim() || amount === null || !(count >= 1 && count <= 100) || !(days >= 1)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    save.mutate(
      {
        changes: {
          service: serviceId,
          name_ar: name.trim(),
          name_en: "",
          sessions: count,
          validity_days: days,
          price_amount: amount,
          is_active: true,
        },
      },
      { onSuccess: () => setName("") },
    );
  };

  return (
    <div className="stack">
      <h1>{t("manage.title")}</h1>
      {packages.isPending ? (
        <LoadingState />
      ) : packages.isError ? (
        <ErrorState error={packages.error} onRetry={() => void packages.refetch()} />
      ) : packages.data.length === 0 ? (
        <p>{t("manage.none")}</p>
      ) : (
        <ul className="packages-list">
          {packages.data.map((item) => (
            <li key={item.id} className="card packages-item">
              <div>
                <p className="heading-3">{localName(language, item.name_ar, item.name_en)}</p>
                <p className="packages-item__meta">
                  {t("salon.sessionsOf", {
                    count: item.sessions,
                    n: formatNumber(item.sessions, language),
                    service: localName(language, item.service_name_ar, item.service_name_en),
                  })}{" "}
                  · <bdi>{formatMoney(item.price_amount, item.currency, language)}</bdi>
                </p>
                <span className="chip">{t(item.is_active ? "manage.onSale" : "manage.offSale")}</span>
              </div>
              <div className="cluster">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={save.isPending}
                  onClick={() => save.mutate({ id: item.id, changes: { is_active: !item.is_active } })}
                >
                  {t(item.is_active ? "manage.takeOffSale" : "manage.putOnSale")}
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(item.id)}
                >
                  {t("manage.delete")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <form className="card stack" onSubmit={submit} noValidate aria-labelledby="new-package-heading">
        <h2 id="new-package-heading">{t("manage.add")}</h2>
        <Field label={t("manage.service")}>
          <select
            className="input"
            value={serviceId ?? ""}
            onChange={(event) => setServiceId(Number(event.target.value))}
          >
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("manage.name")}>
          <input
            className="input"
            dir="auto"
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field label={t("manage.sessions")}>
          <input
            className="input"
            inputMode="numeric"
            value={sessions}
            onChange={(event) => setSessions(event.target.value)}
          />
        </Field>
        <Field label={t("manage.validity")}>
          <input
            className="input"
            inputMode="numeric"
            value={validity}
            onChange={(event) => setValidity(event.target.value)}
          />
        </Field>
        <Field label={t("manage.price")}>
          <input
            className="input"
            inputMode="decimal"
            value={price}
            onChange={(event) => setPrice(event.target.value)}
          />
        </Field>
        {invalid && (
          <Notice tone="error" live>
            <p>{t("manage.invalid")}</p>
          </Notice>
        )}
        {(save.isError || remove.isError) && (
          <Notice tone="error" live>
            <p>{errorMessage(save.error ?? remove.error)}</p>
          </Notice>
        )}
        <button type="submit" className="button" disabled={save.isPending}>
          {t("manage.save")}
        </button>
      </form>
    </div>
  );
}
