import { queryOptions, useQuery } from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";
import type { SalonDetail } from "@/types/models";

/** GET /api/salons/{id}/: services by category, staff, opening hours and booking policy (and, signed in,
 * whether it is one of my favourites). */
export function getSalon(
  salonId: number,
  { signal, signedIn = false }: { signal?: AbortSignal; signedIn?: boolean } = {},
): Promise<SalonDetail> {
  return api.get<SalonDetail>(`/api/salons/${salonId}/`, { signal, auth: signedIn });
}

export function salonQueryOptions(salonId: number, signedIn = false) {
  return queryOptions({
    queryKey: ["salons", "detail", salonId, signedIn ? "signed-in" : "visitor"],
    queryFn: ({ signal }) => getSalon(salonId, { signal, signedIn }),
    staleTime: 5 * 60_000,
  });
}

export function useSalon(salonId: number) {
  const signedIn = useSession().status === "signed_in";
  return useQuery({
    ...salonQueryOptions(salonId, signedIn),
    enabled: Number.isInteger(salonId) && salonId > 0,
    // Signing in (in the booking flow, say) fetches the salon again for its favourite: the page stays.
    placeholderData: (previous) => (previous?.id === salonId ? previous : undefined),
  });
}
