import "../backoffice.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Dialog } from "@/components/Dialog";
import { EmptyState } from "@/components/EmptyState";
import { useErrorMessage } from "@/components/error-message";
import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import { formatPhoneForDisplay } from "@/lib/phone";

import { useDeactivateStaff } from "../api/deactivate-staff";
import { affectedBookings } from "../api/affected-bookings";
import { useServices } from "../api/list-services";
import { useStaffList } from "../api/list-staff";
import { useUpdateStaff } from "../api/update-staff";
import { staffName } from "../names";
import type { AffectedBooking, AffectedBookingsResolution, ManagedStaff } from "@/types/models";
import { AffectedBookings } from "./AffectedBookings";
import { AddStaffDialog, EditStaffDialog } from "./StaffDialog";

interface DeactivateDialogProps {
  salonId: number;
  timeZone: string;
  member: ManagedStaff;
  team: ManagedStaff[];
  onClose: () => void;
  onDone: (resolution: AffectedBookingsResolution | undefined, count: number) => void;
}

/**
 * Deactivating a stylist: asked first; when they still have bookings ahead (409 `bookings_affected`)
 * these are listed and moved to another stylist or cancelled, as the manager confirms.
 */
function DeactivateDialog({ salonId, timeZone, member, team, onClose, onDone }: DeactivateDialogProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const deactivate = useDeactivateStaff(salonId);
  const [affected, setAffected] = useState<AffectedBooking[] | null>(null);
  const others = team.filter((other) => other.is_active && other.id !== member.id);
  // Another `bookings_affected` (new bookings came in meanwhile) replaces the list, not an error.
  const failure = deactivate.error && !affectedBookings(deactivate.error) ? deactivate.error : null;

  const run = (resolution?: AffectedBookingsResolution) =>
    deactivate.mutate(
      { staffId: member.id, resolution },
      {
        onSuccess: () => onDone(resolution, affected?.length ?? 0),
        onError: (error) => {
          const bookings = affectedBookings(error);
          if (bookings) setAffected(bookings);
        },
      },
    );

  return (
    <Dialog open title={t("team.deactivateTitle", { name: staffName(member, language) })} onClose={onClose}>
      {affected ? (
        <AffectedBookings
          key={affected.map((booking) => booking.id).join()}
          bookings={affected}
          timeZone={timeZone}
          reassignTo={others}
          withReason
          pending={deactivate.isPending}
          error={failure}
          onResolve={run}
          onBack={onClose}
        />
      ) : (
        <div className="stack">
          <p>{t("team.deactivateText", { name: staffName(member, language) })}</p>
          {failure ? (
            <Notice tone="error" live>
              <p>{errorMessage(failure)}</p>
            </Notice>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              disabled={deactivate.isPending}
              onClick={() => run()}
            >
              {deactivate.isPending ? t("form.saving") : t("team.deactivate")}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t("actions.keep")}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

type Open =
  { dialog: "add" } | { dialog: "edit"; member: ManagedStaff } | { dialog: "deactivate"; member: ManagedStaff } | null;

/** The salon's stylists: add by mobile number, edit, deactivate (with their bookings) or bring back. */
export function TeamManager({ salonId, timeZone }: { salonId: number; timeZone: string }) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const staff = useStaffList(salonId);
  const services = useServices(salonId);
  const reactivate = useUpdateStaff(salonId);
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState<Open>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const titleOf = (member: ManagedStaff) =>
    language === "en" ? member.title_en || member.title_ar : member.title_ar || member.title_en;

  const show = (next: Open) => {
    setOutcome(null);
    setOpen(next);
  };

  const deactivated = (member: ManagedStaff, resolution: AffectedBookingsResolution | undefined, count: number) => {
    const n = formatNumber(count, language);
    const target = staff.data?.find((other) => other.id === resolution?.reassign_to);
    const moved = target ? staffName(target, language) : "";
    setOpen(null);
    setOutcome(
      [
        t("team.deactivated", { name: staffName(member, language) }),
        resolution?.reassign_to !== undefined ? t("team.bookingsMoved", { count, n, name: moved }) : null,
        resolution?.cancel_affected ? t("team.bookingsCancelled", { count, n }) : null,
      ]
        .filter(Boolean)
        .join(" "),
    );
  };

  return (
    <div className="stack">
      <div className="manage-heading">
        <h1>{t("sections.team")}</h1>
        <button type="button" className="button" onClick={() => show({ dialog: "add" })}>
          <Icon name="plus" />
          {t("team.add")}
        </button>
      </div>
      {outcome && (
        <Notice tone="success" live>
          <p>{outcome}</p>
        </Notice>
      )}
      {reactivate.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(reactivate.error)}</p>
        </Notice>
      )}
      {staff.isPending ? (
        <LoadingState />
      ) : staff.isError ? (
        <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
      ) : staff.data.length === 0 ? (
        <EmptyState icon="users" title={t("team.empty")} description={t("team.emptyText")} />
      ) : (
        <ul className="manage-list">
          {staff.data.map((member) => (
            <li key={member.id} className="card manage-item">
              <div className="manage-item__lead">
                {member.photo_url ? (
                  <img className="avatar" src={member.photo_url} alt="" />
                ) : (
                  <span className="avatar avatar--initial" aria-hidden="true">
                    {staffName(member, language).slice(0, 1)}
                  </span>
                )}
                <div className="manage-item__main">
                  <h2 className="manage-item__title">
                    {staffName(member, language)}
                    {!member.is_active && <span className="tag tag--accent">{t("status.inactive")}</span>}
                  </h2>
                  {titleOf(member) && <p className="manage-item__meta">{titleOf(member)}</p>}
                  <p className="manage-item__meta">
                    {member.phone_number && (
                      <>
                        <bdi dir="ltr">{formatPhoneForDisplay(member.phone_number)}</bdi>
                        {" · "}
                      </>
                    )}
                    {t("team.servicesCount", {
                      count: member.service_ids.length,
                      n: formatNumber(member.service_ids.length, language),
                    })}
                  </p>
                </div>
              </div>
              <div className="actions">
                <Link className="button button--secondary button--small" to={`/manage/${salonId}/team/${member.id}`}>
                  <Icon name="clock" size={18} />
                  {t("team.schedule")}
                  <span className="visually-hidden"> {staffName(member, language)}</span>
                </Link>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => show({ dialog: "edit", member })}
                >
                  <Icon name="edit" size={18} />
                  {t("actions.edit")}
                  <span className="visually-hidden"> {staffName(member, language)}</span>
                </button>
                {member.is_active ? (
                  <button
                    type="button"
                    className="button button--ghost-danger button--small"
                    onClick={() => show({ dialog: "deactivate", member })}
                  >
                    {t("team.deactivate")}
                    <span className="visually-hidden"> {staffName(member, language)}</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={reactivate.isPending}
                    onClick={() =>
                      reactivate.mutate(
                        { staffId: member.id, changes: { is_active: true } },
                        { onSuccess: () => setOutcome(t("team.reactivated", { name: staffName(member, language) })) },
                      )
                    }
                  >
                    {t("team.reactivate")}
                    <span className="visually-hidden"> {staffName(member, language)}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {open?.dialog === "add" && (
        <AddStaffDialog
          salonId={salonId}
          services={services.data ?? []}
          onClose={() => setOpen(null)}
          onAdded={(member) => {
            setOpen(null);
            setOutcome(t("team.added", { name: staffName(member, language) }));
          }}
        />
      )}
      {open?.dialog === "edit" && (
        <EditStaffDialog
          salonId={salonId}
          member={open.member}
          services={services.data ?? []}
          onClose={() => setOpen(null)}
          onSaved={(member) => {
            setOpen(null);
            setOutcome(t("team.saved", { name: staffName(member, language) }));
          }}
        />
      )}
      {open?.dialog === "deactivate" && (
        <DeactivateDialog
          salonId={salonId}
          timeZone={timeZone}
          member={open.member}
          team={staff.data ?? []}
          onClose={() => setOpen(null)}
          onDone={(resolution, count) => deactivated(open.member, resolution, count)}
        />
      )}
    </div>
  );
}
