import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { ServiceManager } from "@/features/backoffice/components/ServiceManager";
import { useCategories } from "@/features/salons/api/list-categories";
import { useDocumentTitle } from "@/hooks/use-document-title";

import { useManageContext } from "../layout/manage-context";

/** `/manage/:salonId/services`: the back office's services, with the platform's categories to file them under. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon } = useManageContext();
  const categories = useCategories();
  useDocumentTitle(t("sections.services"));

  if (categories.isPending) return <LoadingState />;
  if (categories.isError) return <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />;
  return <ServiceManager key={salon.id} salonId={salon.id} categories={categories.data} />;
}
