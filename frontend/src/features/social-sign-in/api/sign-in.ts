import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { AUTH_COOKIE_HEADER } from "@/lib/auth/session";
import type { PhoneRequired, SignIn, SocialNonce, SocialProvider } from "@/types/models";

import { type ProviderCredential, providerCredential } from "../provider-sdk";

export type SocialSignInResult =
  { kind: "signed_in"; result: SignIn } | { kind: "phone_required"; pending: PhoneRequired };

/** POST /api/auth/social/nonce/: a single-use nonce for the provider's ID token. */
export function requestNonce(): Promise<SocialNonce> {
  return api.post<SocialNonce>("/api/auth/social/nonce/", {}, { auth: false });
}

/**
 * POST /api/auth/social/<provider>/ with `X-Auth-Cookie: 1`: 200 signs in (like a phone sign-in),
 * 202 `phone_required` gives the link token for the phone step.
 */
export async function signInWithCredential(
  provider: SocialProvider["name"],
  nonce: string,
  credential: ProviderCredential,
): Promise<SocialSignInResult> {
  const body = await api.post<SignIn | PhoneRequired>(
    `/api/auth/social/${provider}/`,
    { id_token: credential.idToken, nonce, ...(credential.user ? { user: credential.user } : {}) },
    { auth: false, withCredentials: true, headers: { ...AUTH_COOKIE_HEADER } },
  );
  if ("code" in body && body.code === "phone_required") return { kind: "phone_required", pending: body };
  return { kind: "signed_in", result: body as SignIn };
}

/** The whole sign-in: our nonce, the provider's ID token for it, then our answer. */
export async function socialSignIn(provider: SocialProvider): Promise<SocialSignInResult> {
  const { nonce } = await requestNonce();
  const credential = await providerCredential(provider, nonce);
  return signInWithCredential(provider.name, nonce, credential);
}

export function useSocialSignIn() {
  return useMutation({ mutationFn: socialSignIn });
}
