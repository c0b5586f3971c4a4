import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { CodeChannel, CodeSent } from "@/types/models";

export interface ChangePhoneCodeInput {
  phoneNumber: string;
  channel: CodeChannel;
}

/** POST /api/auth/phone/request/ with `purpose: change_phone`: a code to the NEW number of the signed-in person. */
export function requestChangePhoneCode({ phoneNumber, channel }: ChangePhoneCodeInput): Promise<CodeSent> {
  return api.post<CodeSent>("/api/auth/phone/request/", {
    phone_number: phoneNumber,
    channel,
    purpose: "change_phone",
  });
}

export function useRequestChangePhoneCode() {
  return useMutation({ mutationFn: requestChangePhoneCode });
}
