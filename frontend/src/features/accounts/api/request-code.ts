import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CodeChannel, CodeSent } from "@/types/models";

export interface RequestCodeInput {
  phoneNumber: string;
  channel: CodeChannel;
}

/** POST /api/auth/phone/request/: sends a one-time code (429 with retry_after when rate-limited). */
export function requestCode({ phoneNumber, channel }: RequestCodeInput): Promise<CodeSent> {
  return api.post<CodeSent>("/api/auth/phone/request/", { phone_number: phoneNumber, channel }, { auth: false });
}

export function useRequestCode() {
  return useMutation({ mutationFn: requestCode });
}
