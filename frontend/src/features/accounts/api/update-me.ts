import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Language, User } from "@/types/api";

import { meQueryKey } from "./get-me";

export interface ProfileUpdate {
  first_name?: string;
  last_name?: string;
  email?: string | null;
  preferred_language?: Language;
}

/** PATCH /api/auth/me/ */
export function updateMe(changes: ProfileUpdate): Promise<User> {
  return api.patch<User>("/api/auth/me/", changes);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
