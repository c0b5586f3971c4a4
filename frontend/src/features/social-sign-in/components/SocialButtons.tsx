import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";
import type { PhoneRequired, SignIn } from "@/types/models";

import { useProviders } from "../api/get-providers";
import { useSocialSignIn } from "../api/sign-in";
import { ProviderCancelled } from "../provider-sdk";

interface SocialButtonsProps {
  /** A linked identity: signed in with the same answer as a phone sign-in (the session is not started here). */
  onSignedIn: (result: SignIn) => void;
  /** A new identity: the phone and its code link it (the link token is in `pending`). */
  onPhoneRequired: (pending: PhoneRequired) => void;
}

/** "Continue with Google / Apple", for the providers the server has on; nothing when none is. */
export function SocialButtons({ onSignedIn, onPhoneRequired }: SocialButtonsProps) {
  const { t } = useTranslation("social");
  const errorMessage = useErrorMessage();
  const providers = useProviders();
  const signIn = useSocialSignIn();

  if (!providers.data?.length) return null;

  return (
    <div className="stack">
      {providers.data.map((provider) => (
        <button
          key={provider.name}
          type="button"
          className="button button--secondary button--block"
          disabled={signIn.isPending}
          onClick={() =>
            signIn.mutate(provider, {
              onSuccess: (answer) =>
                answer.kind === "signed_in" ? onSignedIn(answer.result) : onPhoneRequired(answer.pending),
            })
          }
        >
          {t(`buttons.${provider.name}`)}
          {provider.development && ` ${t("buttons.development")}`}
        </button>
      ))}
      {signIn.isPending && <p role="status">{t("buttons.working")}</p>}
      {signIn.isError && (
        <Notice tone="error" live>
          <p>{signIn.error instanceof ProviderCancelled ? t("buttons.cancelled") : errorMessage(signIn.error)}</p>
        </Notice>
      )}
      <p className="sign-in__or">{t("buttons.or")}</p>
    </div>
  );
}
