// The code step survives a reload: the request (not the code) is kept in this tab's sessionStorage
// until the code expires, so the customer types the code that is already on its way.
import type { CodeChannel } from "@/types/models";

const STORAGE_KEY = "salon.pendingCode";

export interface PendingCode {
  request_id: string;
  /** The national form 05XXXXXXXX the code was sent to. */
  phone: string;
  channel: CodeChannel;
  expires_at: string;
  resend_available_at: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function isPendingCode(value: unknown): value is PendingCode {
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.request_id === "string" &&
    typeof record.phone === "string" &&
    (record.channel === "sms" || record.channel === "whatsapp") &&
    typeof record.expires_at === "string" &&
    !Number.isNaN(Date.parse(record.expires_at)) &&
    typeof record.resend_available_at === "string"
  );
}

export function savePendingCode(code: PendingCode): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(code));
  } catch {
    // Not kept across a reload when storage is unavailable; sign-in still works.
  }
}

export function forgetPendingCode(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The code request still waiting for its code in this tab, or null (none, unreadable, or expired). */
export function readPendingCode(now: number = Date.now()): PendingCode | null {
  let value: unknown;
  try {
    value = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? "null");
  } catch {
    value = null;
  }
  if (!isPendingCode(value) || Date.parse(value.expires_at) <= now) {
    forgetPendingCode();
    return null;
  }
  return value;
}
