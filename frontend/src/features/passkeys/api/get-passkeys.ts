import { queryOptions, useQuery } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { components } from "@/types/api";

export type Passkey = components["schemas"]["Passkey"];

export const passkeysQueryKey = ["passkeys"] as const;

/** GET /api/auth/passkeys/ */
export function getPasskeys({ signal }: { signal?: AbortSignal } = {}): Promise<Passkey[]> {
  return api.get<Passkey[]>("/api/auth/passkeys/", { signal });
}

export function passkeysQueryOptions() {
  return queryOptions({ queryKey: passkeysQueryKey, queryFn: getPasskeys });
}

export function usePasskeys({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...passkeysQueryOptions(), enabled });
}
