import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { PeriodPicker } from "@/features/reports/components/PeriodPicker";
import { ReportsDashboard } from "@/features/reports/components/ReportsDashboard";
import { periodFromParams, periodToParams, type ReportPeriod } from "@/features/reports/period";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useNow } from "@/hooks/use-now";
import { todayIn } from "@/lib/calendar-date";

import { useManageContext } from "../layout/manage-context";

/**
 * `/manage/:salonId/reports?period=…`: the salon's figures, charts and files over a period of its local
 * days. The period is in the address (a preset by name, or `period=custom&from=&to=`).
 */
export function Component() {
  const { t } = useTranslation("reports");
  const { salon } = useManageContext();
  const [params, setParams] = useSearchParams();
  const now = useNow();
  useDocumentTitle(t("title"));
  const today = todayIn(salon.timezone, new Date(now));
  const period = periodFromParams(params, today);
  const choose = (next: ReportPeriod) => setParams(periodToParams(next));

  return (
    <div className="reports stack">
      <h1>{t("title")}</h1>
      <PeriodPicker period={period} today={today} onChange={choose} />
      <ReportsDashboard key={salon.id} salonId={salon.id} period={period} />
    </div>
  );
}
