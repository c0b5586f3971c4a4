import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { passkeysQueryKey } from "./get-passkeys";

/** DELETE /api/auth/passkeys/<id>/ */
export function removePasskey(id: number): Promise<void> {
  return api.delete<void>(`/api/auth/passkeys/${id}/`);
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removePasskey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysQueryKey }),
  });
}
