import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useEffectEvent } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from "react-router";

import { LoadingState } from "@/components/LoadingState";
import { usePasskeyOfferDue } from "@/features/passkeys/offer";
import { useSession } from "@/hooks/use-session";
import { session } from "@/lib/auth/session";
import { i18next } from "@/lib/i18n";
import { forgetPrivateData } from "@/lib/query-client";
import { signInPath } from "@/lib/safe-redirect";

import { Header } from "./Header";

// Loaded (with its namespace) only when a passkey is to be offered, never with the home page.
const PasskeyOffer = lazy(() => import("@/features/passkeys/components/PasskeyOffer"));

/** When the server refuses our session, go to sign-in and come back to this page afterwards. */
function useSignInWhenSessionExpires() {
  const navigate = useNavigate();
  const location = useLocation();
  // Reads the page the user is on when the session expires, without subscribing again on each move.
  const goToSignIn = useEffectEvent(() => {
    void navigate(signInPath(location.pathname + location.search), { state: { sessionExpired: true } });
  });

  useEffect(() => session.onExpired(() => goToSignIn()), []);
}

/** Someone else may use this browser next: drop the signed-in user's cached data on sign-out. */
function useForgetPrivateDataOnSignOut() {
  const queryClient = useQueryClient();
  const { status } = useSession();
  useEffect(() => {
    if (status === "signed_out") forgetPrivateData(queryClient);
  }, [status, queryClient]);
}

/** Names, descriptions and messages come translated from the server: fetch them again. */
function useRefetchOnLanguageChange() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries();
    i18next.on("languageChanged", refetch);
    return () => i18next.off("languageChanged", refetch);
  }, [queryClient]);
}

export function AppShell() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  useSignInWhenSessionExpires();
  useForgetPrivateDataOnSignOut();
  useRefetchOnLanguageChange();
  const passkeyOfferDue = usePasskeyOfferDue();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <Header />
      {navigation.state === "loading" && <div className="progress" role="progressbar" aria-label={t("loading")} />}
      <main className="page" id="main" tabIndex={-1}>
        {passkeyOfferDue && (
          <Suspense fallback={null}>
            <PasskeyOffer />
          </Suspense>
        )}
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </div>
  );
}
