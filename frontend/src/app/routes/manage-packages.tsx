import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { ManagePackages } from "@/features/packages/components/ManagePackages";
import { SoldPurchases } from "@/features/packages/components/SoldPurchases";
import { useSalon } from "@/features/salons/api/get-salon";
import { useDocumentTitle } from "@/hooks/use-document-title";

import { useManageContext } from "../layout/manage-context";

/** `/manage/:salonId/packages`: the salon's packages, of its services. */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon } = useManageContext();
  const detail = useSalon(salon.id);
  useDocumentTitle(t("sections.packages"));

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const services = detail.data.categories.flatMap((group) =>
    group.services.map((service) => ({ id: service.id, name: service.name })),
  );
  return (
    <div className="stack" key={salon.id}>
      <ManagePackages salonId={salon.id} services={services} />
      <SoldPurchases salonId={salon.id} />
    </div>
  );
}
