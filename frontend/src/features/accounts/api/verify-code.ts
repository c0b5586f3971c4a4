import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { AUTH_COOKIE_HEADER } from "@/lib/auth/session";
import type { SignIn } from "@/types/models";

import { meQueryKey } from "./get-me";

export interface VerifyCodeInput {
  requestId: string;
  code: string;
}

/**
 * POST /api/auth/phone/verify/ with `X-Auth-Cookie: 1`: the refresh token comes back as an httpOnly
 * cookie, the access token in the body (kept in memory only).
 */
export function verifyCode({ requestId, code }: VerifyCodeInput): Promise<SignIn> {
  return api.post<SignIn>(
    "/api/auth/phone/verify/",
    { request_id: requestId, code },
    { auth: false, withCredentials: true, headers: { ...AUTH_COOKIE_HEADER } },
  );
}

/** How a code is checked: a phone sign-in, or (from a composition) another sign-in the code completes. */
export type VerifyCode = (input: VerifyCodeInput) => Promise<SignIn>;

export function useVerifyCode(verify: VerifyCode = verifyCode) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verify,
    // The caller starts the session (session.signIn) once it has decided what to show next.
    onSuccess: (result) => queryClient.setQueryData(meQueryKey, result.user),
  });
}
