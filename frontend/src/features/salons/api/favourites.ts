import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";

import { useSession } from "@/hooks/use-session";
import { api } from "@/lib/api-client";
import type { SalonDetail, SalonPage } from "@/types/models";

// The signed-in person's own data: under "accounts", so signing out drops it.
export const favouritesQueryKey = ["accounts", "favourites"] as const;

/** GET /api/favourites/?page=: my favourite salons as salon cards, the latest favourite first. */
export function listFavourites({ page, signal }: { page: number; signal?: AbortSignal }): Promise<SalonPage> {
  return api.get<SalonPage>("/api/favourites/", { query: { page }, signal });
}

export function favouritesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: favouritesQueryKey,
    queryFn: ({ pageParam, signal }) => listFavourites({ page: pageParam, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, _all, lastPage) => (last.next ? lastPage + 1 : undefined),
  });
}

export function useFavourites() {
  const { status } = useSession();
  return useInfiniteQuery({ ...favouritesQueryOptions(), enabled: status === "signed_in" });
}

/** PUT (keep) or DELETE (drop) /api/favourites/{salon_id}/: both idempotent, 204. */
export function setFavourite({ salonId, favourite }: { salonId: number; favourite: boolean }): Promise<unknown> {
  const path = `/api/favourites/${salonId}/`;
  return favourite ? api.put<unknown>(path, undefined) : api.delete<unknown>(path);
}

/** Every cached copy of the salon (lists, its page) shows the new state at once. */
function markFavourite(queryClient: QueryClient, salonId: number, favourite: boolean) {
  const mark = (data: InfiniteData<SalonPage, number> | undefined) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            results: page.results.map((salon) =>
              salon.id === salonId ? { ...salon, is_favourite: favourite } : salon,
            ),
          })),
        }
      : data;
  queryClient.setQueriesData<InfiniteData<SalonPage, number>>({ queryKey: ["salons", "list"] }, mark);
  queryClient.setQueriesData<InfiniteData<SalonPage, number>>({ queryKey: favouritesQueryKey }, mark);
  queryClient.setQueriesData<SalonDetail>({ queryKey: ["salons", "detail", salonId] }, (salon) =>
    salon ? { ...salon, is_favourite: favourite } : salon,
  );
}

export function useSetFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFavourite,
    onMutate: ({ salonId, favourite }) => markFavourite(queryClient, salonId, favourite),
    onError: (_error, { salonId, favourite }) => markFavourite(queryClient, salonId, !favourite),
    // The cached salons already say it (above); only the list of favourites needs the server.
    onSettled: () => queryClient.invalidateQueries({ queryKey: favouritesQueryKey }),
  });
}
