import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";

import { NotFound } from "@/components/NotFound";
import { StylistSchedule } from "@/features/backoffice/components/StylistSchedule";
import { CalendarFeedCard } from "@/features/calendar-feeds/components/CalendarFeedCard";
import { GoogleCalendarCard } from "@/features/google-calendar/components/GoogleCalendarCard";
import { returnOutcome } from "@/features/google-calendar/return-outcome";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { parseId } from "@/lib/route-params";

import { useManageContext } from "../layout/manage-context";

/** `/manage/:salonId/team/:staffId`: a stylist's hours, time off and special days, their calendar feed and their Google Calendar. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon } = useManageContext();
  const staffId = parseId(useParams().staffId);
  const [params] = useSearchParams();
  useDocumentTitle(t("sections.team"));
  if (staffId === null) return <NotFound />;
  return (
    <div className="stack">
      <StylistSchedule key={`${salon.id}-${staffId}`} salonId={salon.id} staffId={staffId} timeZone={salon.timezone} />
      <CalendarFeedCard key={`feed-${staffId}`} owner={{ kind: "staff", staffId }} />
      <GoogleCalendarCard
        key={`google-${staffId}`}
        staffId={staffId}
        returnPath={`/manage/${salon.id}/team/${staffId}`}
        outcome={returnOutcome(params.get("google_calendar"))}
        timeZone={salon.timezone}
        showConflicts
      />
    </div>
  );
}
