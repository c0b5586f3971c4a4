import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Consents, ConsentsUpdate } from "@/types/models";

import { consentsQueryKey } from "./get-consents";

/** PATCH /api/auth/me/consents/ */
export function updateConsents(changes: ConsentsUpdate): Promise<Consents> {
  return api.patch<Consents>("/api/auth/me/consents/", changes);
}

/** The consents with `changes` applied (what the switches show before the server answers). */
export function withChanges(consents: Consents, changes: ConsentsUpdate): Consents {
  return {
    ...consents,
    reminders: { ...consents.reminders, ...changes.reminders },
    marketing: { ...consents.marketing, ...changes.marketing },
  };
}

/** Optimistic: the switch moves at once, and moves back if the server refuses. */
export function useUpdateConsents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConsents,
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: consentsQueryKey });
      const before = queryClient.getQueryData<Consents>(consentsQueryKey);
      if (before) queryClient.setQueryData(consentsQueryKey, withChanges(before, changes));
      return { before };
    },
    onError: (_error, _changes, context) => {
      if (context?.before) queryClient.setQueryData(consentsQueryKey, context.before);
    },
    onSuccess: (consents) => {
      queryClient.setQueryData(consentsQueryKey, consents);
    },
  });
}
