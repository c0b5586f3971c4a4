import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { components } from "@/types/api";

export type EmailVerified = components["schemas"]["EmailVerified"];

/** POST /api/auth/email/verify-link/: the signed token mailed with the code verifies the pending address. */
export function verifyEmailLink(token: string): Promise<EmailVerified> {
  return api.post<EmailVerified>("/api/auth/email/verify-link/", { token });
}

export function useVerifyEmailLink() {
  return useMutation({ mutationFn: verifyEmailLink });
}
