import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { useManagedSalon } from "@/features/backoffice/api/get-salon";
import { BookingPolicyForm } from "@/features/backoffice/components/BookingPolicyForm";
import { PhotoManager } from "@/features/backoffice/components/PhotoManager";
import { SalonProfileForm } from "@/features/backoffice/components/SalonProfileForm";
import { CalendarFeedCard } from "@/features/calendar-feeds/components/CalendarFeedCard";
import { ZatcaCard } from "@/features/zatca/components/ZatcaCard";
import { useDocumentTitle } from "@/hooks/use-document-title";

import { useManageContext } from "../layout/manage-context";

/**
 * `/manage/:salonId/salon`: the profile, the booking policy, the photos, the salon's calendar feed and
 * its e-invoicing unit (ZATCA).
 */
export function Component() {
  const { t } = useTranslation("backoffice");
  const { salon: current } = useManageContext();
  const salon = useManagedSalon(current.id);
  useDocumentTitle(t("sections.salon"));

  return (
    <div className="stack">
      <h1>{t("sections.salon")}</h1>
      {salon.isPending ? (
        <LoadingState />
      ) : salon.isError ? (
        <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />
      ) : (
        <>
          <div className="card">
            <SalonProfileForm key={salon.data.id} salon={salon.data} />
          </div>
          <div className="card">
            <BookingPolicyForm key={salon.data.id} salon={salon.data} />
          </div>
        </>
      )}
      <PhotoManager key={current.id} salonId={current.id} />
      <CalendarFeedCard key={`feed-${current.id}`} owner={{ kind: "salon", salonId: current.id }} />
      <ZatcaCard key={`zatca-${current.id}`} salonId={current.id} timeZone={current.timezone} />
    </div>
  );
}
