import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";

import { Notice } from "@/components/Notice";
import { PasskeySignIn } from "@/features/passkeys/components/PasskeySignIn";
import { offerPasskeyAfterPhoneSignIn } from "@/features/passkeys/offer";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useSession } from "@/hooks/use-session";
import { safeNextPath } from "@/lib/safe-redirect";

import { SignInChoices } from "../compositions/SignInChoices";

export function Component() {
  const { t } = useTranslation("accounts");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { status } = useSession();
  const next = safeNextPath(params.get("next"));
  const sessionExpired = Boolean((location.state as { sessionExpired?: boolean } | null)?.sessionExpired);
  // Signing in here: this page moves on itself once the name of a new account is given.
  const [signingInHere, setSigningInHere] = useState(false);
  useDocumentTitle(t("signIn.title"));

  // Someone already signed in (another tab, or the back button) goes straight on.
  if (status === "signed_in" && !signingInHere && !sessionExpired) return <Navigate to={next} replace />;

  return (
    <div className="narrow stack">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      {sessionExpired && <Notice tone="info" live title={t("signIn.sessionExpired")} />}
      <SignInChoices
        onVerified={() => {
          setSigningInHere(true);
          offerPasskeyAfterPhoneSignIn();
        }}
        onComplete={() => void navigate(next, { replace: true })}
        alternatives={
          <PasskeySignIn
            onVerified={() => setSigningInHere(true)}
            onComplete={() => void navigate(next, { replace: true })}
          />
        }
      />
    </div>
  );
}
