// The signed-in session: the access token lives in memory only; the refresh token is an httpOnly
// cookie the browser sends to /api/auth/ (see docs/adr/0004-refresh-token-storage.md). A flag in
// localStorage remembers that a cookie may exist, so anonymous visitors skip the silent refresh.

export type SessionStatus = "restoring" | "signed_in" | "signed_out";

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
}

export const REFRESH_URL = "/api/auth/token/refresh/";
export const AUTH_COOKIE_HEADER = { "X-Auth-Cookie": "1" } as const;
const HINT_KEY = "salon.hasSession";

type Listener = () => void;

function readHint(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(HINT_KEY) === "1";
  } catch {
    return false;
  }
}

function writeHint(storage: Storage | undefined, present: boolean): void {
  try {
    if (present) storage?.setItem(HINT_KEY, "1");
    else storage?.removeItem(HINT_KEY);
  } catch {
    // Storage can be unavailable (private modes); the session still works for this page.
  }
}

export function createSession(storage: Storage | undefined = globalThis.localStorage) {
  let state: SessionState = { status: "restoring", accessToken: null };
  const listeners = new Set<Listener>();
  const expiredListeners = new Set<Listener>();
  let inFlightRefresh: Promise<string | null> | null = null;

  function setState(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  async function postRefresh(): Promise<string | null> {
    try {
      const response = await fetch(REFRESH_URL, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", ...AUTH_COOKIE_HEADER },
        body: "{}",
      });
      if (!response.ok) return null;
      const body = (await response.json()) as { access?: unknown };
      return typeof body.access === "string" ? body.access : null;
    } catch {
      return null;
    }
  }

  /**
   * Refresh tokens rotate: two tabs presenting the same cookie at once would make the second one
   * fail. A Web Lock lets one tab refresh at a time; the next one then sends the rotated cookie.
   */
  function requestNewAccessToken(): Promise<string | null> {
    const locks = globalThis.navigator?.locks;
    // The lock's promise resolves to the callback's result (typed as a nested promise by lib.dom).
    return locks ? locks.request("salon.refresh", postRefresh).then((token) => token) : postRefresh();
  }

  // Arrow functions: the methods can be passed around on their own (useSyncExternalStore, listeners).
  const session = {
    getState: (): SessionState => state,
    getAccessToken: (): string | null => state.accessToken,

    subscribe: (listener: Listener): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Called with the access token of a successful sign-in or refresh. */
    signIn: (accessToken: string): void => {
      writeHint(storage, true);
      setState({ status: "signed_in", accessToken });
    },

    signOut: (): void => {
      writeHint(storage, false);
      setState({ status: "signed_out", accessToken: null });
    },

    /** Trades the refresh cookie for a new access token; concurrent callers share one request. */
    refresh: (): Promise<string | null> => {
      inFlightRefresh ??= requestNewAccessToken().then((token) => {
        inFlightRefresh = null;
        if (token) session.signIn(token);
        else session.signOut();
        return token;
      });
      return inFlightRefresh;
    },

    /** On page load: one silent refresh when a session may exist. */
    restore: async (): Promise<void> => {
      if (state.status !== "restoring") return;
      if (!readHint(storage)) {
        setState({ status: "signed_out", accessToken: null });
        return;
      }
      await session.refresh();
    },

    /** The server refused our tokens: sign out and tell whoever sends the user to sign in. */
    expire: (): void => {
      session.signOut();
      expiredListeners.forEach((listener) => listener());
    },

    onExpired: (listener: Listener): (() => void) => {
      expiredListeners.add(listener);
      return () => expiredListeners.delete(listener);
    },
  };
  // Signing out in one tab signs out the others (they share the refresh cookie).
  globalThis.addEventListener?.("storage", (event: StorageEvent) => {
    if (event.key === HINT_KEY && event.newValue === null && state.status === "signed_in") {
      setState({ status: "signed_out", accessToken: null });
    }
  });

  return session;
}

export type Session = ReturnType<typeof createSession>;

export const session = createSession();
