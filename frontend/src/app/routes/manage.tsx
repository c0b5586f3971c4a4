import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useManagedSalons } from "@/features/backoffice/api/list-managed-salons";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** `/manage`: the first salon the signed-in person manages. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const salons = useManagedSalons();
  useDocumentTitle(t("shell.title"));

  if (salons.isPending) return <LoadingState />;
  if (salons.isError) return <ErrorState error={salons.error} onRetry={() => void salons.refetch()} />;
  const [first] = salons.data;
  if (!first) return <EmptyState icon="store" title={t("shell.noSalons")} description={t("shell.noSalonsText")} />;
  return <Navigate to={`/manage/${first.id}/today`} replace />;
}
