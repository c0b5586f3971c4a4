// Whether to offer adding a passkey: set after a phone sign-in, until added or dismissed (remembered).
// Tiny on purpose: the app shell reads it; the offer itself is loaded only when it is due.
import { useSyncExternalStore } from "react";

const KEY = "salon.passkeys.offer";
type OfferState = "due" | "dismissed" | "done";
const listeners = new Set<() => void>();

function read(): OfferState | null {
  try {
    const value = globalThis.localStorage?.getItem(KEY);
    return value === "due" || value === "dismissed" || value === "done" ? value : null;
  } catch {
    return null;
  }
}

function write(state: OfferState): void {
  try {
    globalThis.localStorage?.setItem(KEY, state);
  } catch {
    // Without storage the offer is simply not remembered.
  }
  listeners.forEach((listener) => listener());
}

/** After a phone sign-in: offer a passkey, unless the browser has none or the offer was turned down. */
export function offerPasskeyAfterPhoneSignIn(): void {
  if (typeof window.PublicKeyCredential !== "function") return;
  if (read() === null) write("due");
}

export function dismissPasskeyOffer(): void {
  write("dismissed");
}

export function completePasskeyOffer(): void {
  write("done");
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePasskeyOfferDue(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => read() === "due",
    () => false,
  );
}
