import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import { AUTH_COOKIE_HEADER, session } from "@/lib/auth/session";

/** POST /api/auth/logout/ with `X-Auth-Cookie: 1`: revokes the refresh token and clears its cookie. */
export async function signOut(): Promise<void> {
  try {
    await api.post<void>(
      "/api/auth/logout/",
      {},
      { auth: false, withCredentials: true, headers: { ...AUTH_COOKIE_HEADER } },
    );
  } finally {
    // Signed out on this device even when the server could not be reached.
    session.signOut();
  }
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
