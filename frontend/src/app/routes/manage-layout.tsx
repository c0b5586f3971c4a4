import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate, useParams } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useManagedSalons } from "@/features/backoffice/api/list-managed-salons";
import { isManageSection, ManageNav } from "@/features/backoffice/components/ManageNav";
import { SalonSwitcher } from "@/features/backoffice/components/SalonSwitcher";
import { parseId } from "@/lib/route-params";

import type { ManageContext } from "../layout/manage-context";

/**
 * `/manage/:salonId/…`: the manage area's shell. The salon (one the person manages, else not found),
 * a switcher when they manage several, the sections, and the section's page, which reads the salon
 * with `useManageContext()`.
 */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salonId: salonParam } = useParams();
  const salonId = parseId(salonParam);
  const salons = useManagedSalons();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  if (salons.isPending) return <LoadingState />;
  if (salons.isError) return <ErrorState error={salons.error} onRetry={() => void salons.refetch()} />;
  const salon = salons.data.find((candidate) => candidate.id === salonId);
  if (!salon) {
    return (
      <EmptyState
        icon="store"
        title={t("shell.salonNotFound")}
        action={
          salons.data.length > 0 ? (
            <Link className="button" to="/manage">
              {t("shell.toMySalons")}
            </Link>
          ) : undefined
        }
      />
    );
  }

  // Another salon opens on the same section (a stylist's page becomes the team).
  const section = pathname.split("/")[3];
  const switchSalon = (id: number) => void navigate(`/manage/${id}/${isManageSection(section) ? section : "today"}`);
  const context: ManageContext = { salon, salons: salons.data };

  return (
    <div className="manage">
      <div className="manage__aside">
        <SalonSwitcher salons={salons.data} current={salon} onSwitch={switchSalon} />
        <ManageNav salonId={salon.id} />
      </div>
      <div className="manage__content">
        <Outlet context={context} />
      </div>
    </div>
  );
}
