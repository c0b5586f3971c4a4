import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CodeChannel, CodeSent } from "@/types/models";

export interface DeleteCodeInput {
  phoneNumber: string;
  channel: CodeChannel;
}

/** POST /api/auth/phone/request/ with `purpose: delete_account`: a code to the signed-in person's own number. */
export function requestDeleteCode({ phoneNumber, channel }: DeleteCodeInput): Promise<CodeSent> {
  return api.post<CodeSent>("/api/auth/phone/request/", {
    phone_number: phoneNumber,
    channel,
    purpose: "delete_account",
  });
}

export function useRequestDeleteCode() {
  return useMutation({ mutationFn: requestDeleteCode });
}
