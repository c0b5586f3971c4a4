import { useParams } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { NotFound } from "@/components/NotFound";
import { SalonPackages } from "@/features/packages/components/SalonPackages";
import { useSalon } from "@/features/salons/api/get-salon";
import { SalonProfile } from "@/features/salons/components/SalonProfile";
import { isApiError } from "@/lib/api-client";
import { parseId } from "@/lib/route-params";

export function Component() {
  const salonId = parseId(useParams().salonId);
  const salon = useSalon(salonId ?? 0);

  if (salonId === null || (isApiError(salon.error) && salon.error.status === 404)) return <NotFound />;
  if (salon.isPending) return <LoadingState />;
  if (salon.isError) return <ErrorState error={salon.error} onRetry={() => void salon.refetch()} />;

  return (
    <>
      <SalonProfile
        salon={salon.data}
        bookingHref={(serviceId) => `/salons/${salonId}/book${serviceId ? `?service=${serviceId}` : ""}`}
      />
      <SalonPackages
        salonId={salonId}
        buyHref={(packageId) => `/salons/${salonId}/packages/${packageId}/buy`}
        giftCardHref={`/salons/${salonId}/gift-card`}
      />
    </>
  );
}
