import { api } from "@/lib/api-client";
import { AUTH_COOKIE_HEADER } from "@/lib/auth/session";
import type { SignIn } from "@/types/models";

export interface LinkInput {
  linkToken: string;
  requestId: string;
  code: string;
}

/**
 * POST /api/auth/social/link/: the phone's sign-in code completes the link; the answer and the
 * refresh cookie are a phone sign-in's.
 */
export function linkIdentity({ linkToken, requestId, code }: LinkInput): Promise<SignIn> {
  return api.post<SignIn>(
    "/api/auth/social/link/",
    { link_token: linkToken, request_id: requestId, code },
    { auth: false, withCredentials: true, headers: { ...AUTH_COOKIE_HEADER } },
  );
}
