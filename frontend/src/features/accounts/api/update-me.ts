import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { api } from "@/lib/api-client";
import type { Language, User, UserUpdate } from "@/types/models";

import { meQueryKey } from "./get-me";

/** PATCH /api/auth/me/ */
export function updateMe(changes: UserUpdate): Promise<User> {
  return api.patch<User>("/api/auth/me/", changes);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    // The account's language when the change is sent: a refetch of the account (the language switch
    // refetches everything) may land before this answer and already carry the new language.
    onMutate: () => ({ before: queryClient.getQueryData<User>(meQueryKey)?.preferred_language }),
    onSuccess: (user, changes, context) => {
      queryClient.setQueryData(meQueryKey, user);
      // The server answers a signed-in user in the account's language: what it sent before (service
      // and salon names, messages) is in the old one, so fetch it again.
      // A language sent is always followed by a refetch: the cached account (`before`) may be a refetch
      // that left before an earlier switch was saved, so comparing with it can miss the change.
      if ("preferred_language" in changes || context.before !== user.preferred_language) {
        return queryClient.invalidateQueries({
          predicate: (query) => !(query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1]),
        });
      }
      return undefined;
    },
  });
}

/**
 * Makes the account's language follow the UI language (after signing in, on switching language), so
 * that the server's answers and the text messages it sends are in the language on screen. After
 * signing in it is saved only when the account has another; a person's switch is always saved: the
 * cached account may be a refetch that left before the previous switch was saved, and skipping on
 * it would leave the server answering in the other language.
 */
export function useSaveAccountLanguage(): (language: Language, options?: { always?: boolean }) => void {
  const queryClient = useQueryClient();
  const { mutate } = useUpdateMe();
  return useCallback(
    (language: Language, { always = false }: { always?: boolean } = {}) => {
      if (!always && queryClient.getQueryData<User>(meQueryKey)?.preferred_language === language) return;
      mutate({ preferred_language: language });
    },
    [queryClient, mutate],
  );
}
