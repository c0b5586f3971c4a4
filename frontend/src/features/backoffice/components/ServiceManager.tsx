import "../backoffice.css";

import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useFormatDuration } from "@/hooks/use-format-duration";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import type { ServiceCategory } from "@/types/models";

import { useDeleteService } from "../api/delete-service";
import { useServices } from "../api/list-services";
import { useStaffList } from "../api/list-staff";
import { localizedName } from "../names";
import type { ManagedService } from "@/types/models";
import { ConfirmDialog } from "./ConfirmDialog";
import { ServiceDialog } from "./ServiceDialog";

interface ServiceManagerProps {
  salonId: number;
  /** The platform's service categories (the salons feature's, handed over by the page). */
  categories: ServiceCategory[];
}

type Editing = { service: ManagedService | null } | null;

/** The salon's services: list, add, edit, delete (or deactivate, when it has bookings). */
export function ServiceManager({ salonId, categories }: ServiceManagerProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const formatDuration = useFormatDuration();
  const services = useServices(salonId);
  const staff = useStaffList(salonId);
  const remove = useDeleteService(salonId);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ManagedService | null>(null);
  const [outcome, setOutcome] = useState<{ tone: "success" | "info"; text: string } | null>(null);

  const confirmDelete = (service: ManagedService) =>
    remove.mutate(service.id, {
      onSuccess: (result) => {
        setDeleting(null);
        // A service with bookings stays, deactivated: the server says so in its words.
        setOutcome(
          result?.deactivated
            ? { tone: "info", text: result.detail }
            : { tone: "success", text: t("services.deleted", { name: localizedName(service, language) }) },
        );
      },
    });

  return (
    <div className="stack">
      <div className="manage-heading">
        <h1>{t("sections.services")}</h1>
        <button
          type="button"
          className="button"
          disabled={categories.length === 0}
          onClick={() => {
            setOutcome(null);
            setEditing({ service: null });
          }}
        >
          <Icon name="plus" />
          {t("services.add")}
        </button>
      </div>
      {outcome && (
        <Notice tone={outcome.tone} live>
          <p>{outcome.text}</p>
        </Notice>
      )}
      {services.isPending ? (
        <LoadingState />
      ) : services.isError ? (
        <ErrorState error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <EmptyState icon="scissors" title={t("services.empty")} description={t("services.emptyText")} />
      ) : (
        <ul className="manage-list">
          {services.data.map((service) => {
            const name = localizedName(service, language);
            return (
              <li key={service.id} className="card manage-item">
                <div className="manage-item__main">
                  <h2 className="manage-item__title">
                    {name}
                    {!service.is_active && <span className="tag tag--accent">{t("status.inactive")}</span>}
                  </h2>
                  <p className="manage-item__meta">
                    {/* Each part isolated: a name in one language must not reorder the others. */}
                    {[
                      service.category_name,
                      formatDuration(service.duration_minutes),
                      formatMoney(service.price_amount, service.currency, language, { wholeWithoutDecimals: true }),
                    ].map((part, index) => (
                      <Fragment key={index}>
                        {index > 0 && " · "}
                        <bdi>{part}</bdi>
                      </Fragment>
                    ))}
                  </p>
                  <p className="manage-item__meta">
                    {t("services.stylists", {
                      count: service.staff_ids.length,
                      n: formatNumber(service.staff_ids.length, language),
                    })}
                    {service.buffer_minutes > 0 &&
                      ` · ${t("services.buffer", { duration: formatDuration(service.buffer_minutes) })}`}
                  </p>
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      setOutcome(null);
                      setEditing({ service });
                    }}
                  >
                    <Icon name="edit" size={18} />
                    {t("actions.edit")}
                    <span className="visually-hidden"> {name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--ghost-danger button--small"
                    onClick={() => {
                      remove.reset();
                      setOutcome(null);
                      setDeleting(service);
                    }}
                  >
                    <Icon name="trash" size={18} />
                    {t("actions.delete")}
                    <span className="visually-hidden"> {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing && (
        <ServiceDialog
          salonId={salonId}
          service={editing.service}
          categories={categories}
          staff={staff.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setOutcome({ tone: "success", text: t("services.saved", { name: localizedName(saved, language) }) });
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t("services.deleteTitle", { name: deleting ? localizedName(deleting, language) : "" })}
        confirmLabel={t("services.deleteConfirm")}
        pendingLabel={t("form.deleting")}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && confirmDelete(deleting)}
        onClose={() => setDeleting(null)}
      >
        <p>{t("services.deleteText")}</p>
      </ConfirmDialog>
    </div>
  );
}
