import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { meQueryKey } from "@/features/accounts/api/get-me";
import { PhoneSignIn, type PhoneSignInProps } from "@/features/accounts/components/PhoneSignIn";
import { linkIdentity } from "@/features/social-sign-in/api/link";
import { PhoneRequiredNotice } from "@/features/social-sign-in/components/PhoneRequiredNotice";
import { SocialButtons } from "@/features/social-sign-in/components/SocialButtons";
import { session } from "@/lib/auth/session";
import type { PhoneRequired, SignIn } from "@/types/models";

/**
 * The sign-in step: Google and Apple when configured, the `alternatives` (a passkey) and the phone code
 * always. A Google or Apple
 * identity not linked yet goes through the same phone step, whose code then completes the link.
 */
export function SignInChoices({ onVerified, onComplete, alternatives }: Omit<PhoneSignInProps, "verify">) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PhoneRequired | null>(null);

  const signedIn = (result: SignIn) => {
    queryClient.setQueryData(meQueryKey, result.user);
    onVerified?.(result);
    session.signIn(result.access);
    onComplete?.();
  };

  if (pending) {
    return (
      <div className="stack">
        <PhoneRequiredNotice pending={pending} onCancel={() => setPending(null)} />
        <PhoneSignIn
          onVerified={onVerified}
          onComplete={onComplete}
          verify={({ requestId, code }) => linkIdentity({ linkToken: pending.link_token, requestId, code })}
        />
      </div>
    );
  }
  return (
    <div className="stack">
      <SocialButtons onSignedIn={signedIn} onPhoneRequired={setPending} />
      <PhoneSignIn onVerified={onVerified} onComplete={onComplete} alternatives={alternatives} />
    </div>
  );
}
