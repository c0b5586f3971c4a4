import { useTranslation } from "react-i18next";

import { TeamManager } from "@/features/backoffice/components/TeamManager";
import { useDocumentTitle } from "@/hooks/use-document-title";

import { useManageContext } from "../layout/manage-context";

/** `/manage/:salonId/team`: the salon's stylists. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon } = useManageContext();
  useDocumentTitle(t("sections.team"));
  return <TeamManager key={salon.id} salonId={salon.id} timeZone={salon.timezone} />;
}
