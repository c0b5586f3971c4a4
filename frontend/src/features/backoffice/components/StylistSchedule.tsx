import "../backoffice.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";

import { useHours } from "../api/get-hours";
import { useStaffList } from "../api/list-staff";
import { staffName } from "../names";
import { HoursEditor } from "./HoursEditor";
import { SpecialDaysPanel } from "./SpecialDaysPanel";
import { TimeOffPanel } from "./TimeOffPanel";

interface StylistScheduleProps {
  salonId: number;
  staffId: number;
  timeZone: string;
}

/** One stylist's working week, time off and special days. */
export function StylistSchedule({ salonId, staffId, timeZone }: StylistScheduleProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const staff = useStaffList(salonId);
  const hours = useHours(salonId, staffId);
  const member = staff.data?.find((candidate) => candidate.id === staffId);

  if (staff.isPending) return <LoadingState />;
  if (staff.isError) return <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />;
  if (!member) {
    return (
      <EmptyState
        icon="users"
        title={t("team.notFound")}
        action={
          <Link className="button" to={`/manage/${salonId}/team`}>
            {t("team.backToTeam")}
          </Link>
        }
      />
    );
  }

  return (
    <div className="stack">
      <Link className="link" to={`/manage/${salonId}/team`}>
        <Icon name="back" size={18} />
        {t("team.backToTeam")}
      </Link>
      <h1>{t("schedule.title", { name: staffName(member, language) })}</h1>
      <div className="card">
        {hours.isPending ? (
          <LoadingState />
        ) : hours.isError ? (
          <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
        ) : (
          <HoursEditor salonId={salonId} staffId={staffId} timeZone={timeZone} hours={hours.data} />
        )}
      </div>
      <TimeOffPanel salonId={salonId} staffId={staffId} stylistName={staffName(member, language)} timeZone={timeZone} />
      <SpecialDaysPanel
        salonId={salonId}
        staffId={staffId}
        stylistName={staffName(member, language)}
        timeZone={timeZone}
      />
    </div>
  );
}
