/**
 * The providers' own sign-in: Google Identity Services and Sign in with Apple JS, each loaded only
 * when its button is clicked (never on the home page). The development stand-in asks our server
 * for a token instead (POST /api/auth/social/development/<provider>/token/, development only).
 */
import { api } from "@/lib/api-client";
import type { SocialProvider } from "@/types/models";

export interface AppleUser {
  name?: { firstName?: string; lastName?: string };
  email?: string;
}

export interface ProviderCredential {
  idToken: string;
  /** Apple's first sign-in only: the name, never sent again. */
  user?: AppleUser;
}

export class ProviderCancelled extends Error {}

const GOOGLE_SCRIPT = "https://accounts.google.com/gsi/client";
const APPLE_SCRIPT = "https://appleid.cdn-apple.com/appleauth/static/jsapi/appleid/1/en_US/appleid.auth.js";

interface GoogleIdentity {
  accounts: {
    id: {
      initialize(options: {
        client_id: string;
        nonce: string;
        callback: (response: { credential: string }) => void;
      }): void;
      prompt(listener?: (notification: { isNotDisplayed(): boolean; isSkippedMoment(): boolean }) => void): void;
    };
  };
}

interface AppleId {
  auth: {
    init(options: { clientId: string; scope: string; redirectURI: string; usePopup: boolean; nonce: string }): void;
    signIn(): Promise<{ authorization: { id_token: string }; user?: AppleUser }>;
  };
}

declare global {
  interface Window {
    google?: GoogleIdentity;
    AppleID?: AppleId;
  }
}

const loading = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(src);
        reject(new Error(`Could not load ${src}`));
      };
      document.head.appendChild(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

async function googleCredential(clientId: string, nonce: string): Promise<ProviderCredential> {
  await loadScript(GOOGLE_SCRIPT);
  const google = window.google;
  if (!google) throw new Error("Google Identity Services did not start");
  return new Promise((resolve, reject) => {
    google.accounts.id.initialize({
      client_id: clientId,
      nonce,
      callback: (response) => resolve({ idToken: response.credential }),
    });
    google.accounts.id.prompt((notification) => {
      if (notification.isNotDisplayed() || notification.isSkippedMoment()) reject(new ProviderCancelled());
    });
  });
}

async function appleCredential(clientId: string, nonce: string): Promise<ProviderCredential> {
  await loadScript(APPLE_SCRIPT);
  const apple = window.AppleID;
  if (!apple) throw new Error("Sign in with Apple did not start");
  // Popup mode: the redirect URI must still be one registered for the Services ID (see the docs).
  apple.auth.init({
    clientId,
    scope: "name email",
    redirectURI: `${window.location.origin}/sign-in`,
    usePopup: true,
    nonce,
  });
  try {
    const response = await apple.auth.signIn();
    return { idToken: response.authorization.id_token, user: response.user };
  } catch {
    throw new ProviderCancelled();
  }
}

/** DEVELOPMENT ONLY: the stand-in provider signs a token for a fixed development identity. */
async function developmentCredential(provider: SocialProvider["name"], nonce: string): Promise<ProviderCredential> {
  const body = await api.post<{ id_token: string }>(
    `/api/auth/social/development/${provider}/token/`,
    { nonce, subject: `development-${provider}-user` },
    { auth: false },
  );
  return { idToken: body.id_token };
}

export function providerCredential(provider: SocialProvider, nonce: string): Promise<ProviderCredential> {
  if (provider.development) return developmentCredential(provider.name, nonce);
  return provider.name === "google"
    ? googleCredential(provider.client_id, nonce)
    : appleCredential(provider.client_id, nonce);
}
