import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { AUTH_COOKIE_HEADER } from "@/lib/auth/session";
import type { SignIn } from "@/types/models";

import { credentialToJSON, type RequestOptionsJSON, toRequestOptions } from "../webauthn";

/**
 * POST /api/auth/passkeys/login/options/, the browser's `navigator.credentials.get()` (the passkeys it
 * holds for us: no phone number to type), then POST /api/auth/passkeys/login/verify/ with
 * `X-Auth-Cookie: 1`, answered like a phone sign-in.
 */
export async function signInWithPasskey(): Promise<SignIn> {
  const options = await api.post<RequestOptionsJSON>("/api/auth/passkeys/login/options/", undefined, { auth: false });
  const credential = await navigator.credentials.get({ publicKey: toRequestOptions(options) });
  if (!credential) throw new DOMException("No credential", "NotAllowedError");
  return api.post<SignIn>(
    "/api/auth/passkeys/login/verify/",
    { credential: credentialToJSON(credential as PublicKeyCredential) },
    { auth: false, withCredentials: true, headers: { ...AUTH_COOKIE_HEADER } },
  );
}

export function useSignInWithPasskey() {
  return useMutation({ mutationFn: signInWithPasskey });
}
