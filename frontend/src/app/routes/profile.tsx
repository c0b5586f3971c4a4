import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useMe } from "@/features/accounts/api/get-me";
import { useSignOut } from "@/features/accounts/api/sign-out";
import { useUpdateMe } from "@/features/accounts/api/update-me";
import { ChangePhone } from "@/features/accounts/components/ChangePhone";
import { ConsentSettings } from "@/features/accounts/components/ConsentSettings";
import { ProfileForm } from "@/features/accounts/components/ProfileForm";
import { EmailSettings } from "@/features/email/components/EmailSettings";
import { MyGiftCards } from "@/features/packages/components/MyGiftCards";
import { MyPackages } from "@/features/packages/components/MyPackages";
import { PasskeyList } from "@/features/passkeys/components/PasskeyList";
import { DataRights } from "@/features/privacy/components/DataRights";
import { LinkedAccounts } from "@/features/social-sign-in/components/LinkedAccounts";
import { useDocumentTitle } from "@/hooks/use-document-title";

export function Component() {
  const { t } = useTranslation("accounts");
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut();
  const updateEmailPreferences = useUpdateMe();
  useDocumentTitle(t("profile.title"));

  return (
    <div className="stack narrow">
      <h1>{t("profile.title")}</h1>
      <Link className="link" to="/favourites">
        <Icon name="heart" size={18} />
        {t("profile.favourites")}
      </Link>
      {me.isPending ? (
        <LoadingState />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <ProfileForm user={me.data} />
          <EmailSettings
            user={me.data}
            saving={updateEmailPreferences.isPending}
            onChange={(changes) => updateEmailPreferences.mutate(changes)}
          />
          <ChangePhone />
          <hr className="divider" />
          <MyPackages />
          <MyGiftCards />
          <hr className="divider" />
          <PasskeyList />
          <hr className="divider" />
          <DataRights
            phoneNumber={me.data.phone_number}
            onDeleted={() => {
              // Every session is already revoked: forget this one and leave.
              signOut.mutate();
              void navigate("/", { replace: true, state: { accountDeleted: true } });
            }}
          />
        </>
      )}
      <hr className="divider" />
      <LinkedAccounts />
      <hr className="divider" />
      <ConsentSettings />
      <hr className="divider" />
      <button
        type="button"
        className="button button--secondary"
        disabled={signOut.isPending}
        onClick={() => {
          signOut.mutate();
          void navigate("/", { replace: true });
        }}
      >
        {t("profile.signOut")}
      </button>
    </div>
  );
}
