import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { User } from "@/types/models";

import { meQueryKey } from "./get-me";

export interface ChangePhoneInput {
  requestId: string;
  code: string;
}

/** POST /api/auth/me/phone/: with the right code the account moves to the new number (a wrong one changes nothing). */
export function changePhone({ requestId, code }: ChangePhoneInput): Promise<User> {
  return api.post<User>("/api/auth/me/phone/", { request_id: requestId, code });
}

export function useChangePhone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePhone,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
