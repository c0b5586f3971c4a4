import { useState } from "react";

import type { CodeChannel, CodeSent } from "@/types/models";

import { forgetPendingCode, readPendingCode, savePendingCode } from "../pending-code";

/** A one-time code on its way: the server's answer, and the number and channel it goes to. */
export interface SentCode extends CodeSent {
  phoneNumber: string;
  channel: CodeChannel;
}

function restoreSentCode(): SentCode | null {
  const pending = readPendingCode();
  if (!pending) return null;
  const { phone, ...code } = pending;
  return { ...code, phoneNumber: phone };
}

/** The code on its way, kept in this tab across a reload until it expires (see ../pending-code.ts). */
export function useSentCode() {
  // After a reload, the code that is on its way can still be typed in.
  const [sent, setSent] = useState<SentCode | null>(restoreSentCode);
  return {
    sent,
    remember: (next: SentCode) => {
      savePendingCode({
        request_id: next.request_id,
        phone: next.phoneNumber,
        channel: next.channel,
        expires_at: next.expires_at,
        resend_available_at: next.resend_available_at,
      });
      setSent(next);
    },
    /** Another number: back to the phone step, nothing kept for a reload. */
    changeNumber: () => {
      forgetPendingCode();
      setSent(null);
    },
    /** The code was accepted: nothing kept for a reload (the code step stays until the page moves on). */
    used: forgetPendingCode,
  };
}
