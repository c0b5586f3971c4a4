import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";

import { type CreationOptionsJSON, credentialToJSON, toCreationOptions } from "../webauthn";
import { type Passkey, passkeysQueryKey } from "./get-passkeys";

/**
 * POST /api/auth/passkeys/register/options/, the browser's `navigator.credentials.create()`, then
 * POST /api/auth/passkeys/register/verify/.
 */
export async function addPasskey({ name = "" }: { name?: string } = {}): Promise<Passkey> {
  const options = await api.post<CreationOptionsJSON>("/api/auth/passkeys/register/options/");
  const credential = await navigator.credentials.create({ publicKey: toCreationOptions(options) });
  if (!credential) throw new DOMException("No credential", "NotAllowedError");
  return api.post<Passkey>("/api/auth/passkeys/register/verify/", {
    credential: credentialToJSON(credential as PublicKeyCredential),
    name,
  });
}

export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addPasskey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysQueryKey }),
  });
}
