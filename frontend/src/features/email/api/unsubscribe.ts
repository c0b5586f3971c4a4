import { useMutation } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { components } from "@/types/api";

export type UnsubscribeResult = components["schemas"]["EmailUnsubscribeResult"];

/** POST /api/notifications/unsubscribe/: the signed token of an email's link stops those emails (no sign-in). */
export function unsubscribe(token: string): Promise<UnsubscribeResult> {
  return api.post<UnsubscribeResult>("/api/notifications/unsubscribe/", { token });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: unsubscribe });
}
