import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { SocialIdentity } from "@/types/models";

export const identitiesQueryKey = ["social", "identities"] as const;

/** GET /api/auth/social/identities/: my linked Google and Apple sign-ins. */
export function getIdentities({ signal }: { signal?: AbortSignal } = {}): Promise<SocialIdentity[]> {
  return api.get<SocialIdentity[]>("/api/auth/social/identities/", { signal });
}

export function useIdentities() {
  return useQuery(queryOptions({ queryKey: identitiesQueryKey, queryFn: getIdentities }));
}

/** DELETE /api/auth/social/identities/<id>/ */
export function unlinkIdentity(id: string): Promise<void> {
  return api.delete<void>(`/api/auth/social/identities/${id}/`);
}

export function useUnlinkIdentity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkIdentity,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identitiesQueryKey }),
  });
}
