import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";
import { session } from "@/lib/auth/session";
import type { SignIn } from "@/types/models";

import { useSignInWithPasskey } from "../api/sign-in-with-passkey";
import { supportsPasskeys } from "../webauthn";
import { usePasskeyErrorMessage } from "./passkey-error";

interface PasskeySignInProps {
  /** Right before the session starts, as PhoneSignIn's `onVerified`. */
  onVerified?: (result: SignIn) => void;
  /** Signed in. */
  onComplete?: () => void;
}

/** "Sign in with a passkey": shown only where the browser has WebAuthn. */
export function PasskeySignIn({ onVerified, onComplete }: PasskeySignInProps) {
  const { t } = useTranslation("passkeys");
  const errorMessage = usePasskeyErrorMessage();
  const signIn = useSignInWithPasskey();

  if (!supportsPasskeys()) return null;
  return (
    <div className="stack">
      <button
        type="button"
        className="button button--secondary"
        disabled={signIn.isPending}
        onClick={() =>
          signIn.mutate(undefined, {
            onSuccess: (result) => {
              onVerified?.(result);
              session.signIn(result.access);
              onComplete?.();
            },
          })
        }
      >
        {signIn.isPending ? t("signIn.waiting") : t("signIn.button")}
      </button>
      {signIn.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(signIn.error)}</p>
        </Notice>
      )}
      <p>{t("signIn.or")}</p>
    </div>
  );
}
