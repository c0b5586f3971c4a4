import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { User } from "@/types/models";

import { meQueryKey } from "./get-me";

/** POST /api/auth/me/email/verify/: the code mailed to the pending email makes it the account's email. */
export function verifyEmail(code: string): Promise<User> {
  return api.post<User>("/api/auth/me/email/verify/", { code });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
