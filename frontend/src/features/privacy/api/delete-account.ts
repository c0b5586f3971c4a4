import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { AccountDeleted } from "@/types/models";

export interface DeleteAccountInput {
  requestId: string;
  code: string;
}

/** POST /api/auth/me/delete/: with the right code the account is deleted (a wrong one changes nothing). */
export function deleteAccount({ requestId, code }: DeleteAccountInput): Promise<AccountDeleted> {
  return api.post<AccountDeleted>("/api/auth/me/delete/", { request_id: requestId, code });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: deleteAccount });
}
