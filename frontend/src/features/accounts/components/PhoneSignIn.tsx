import "../accounts.css";

import { type ReactNode, useState } from "react";

import { useLanguage } from "@/hooks/use-language";
import { session } from "@/lib/auth/session";
import type { SignIn } from "@/types/models";

import { useSaveAccountLanguage } from "../api/update-me";
import type { VerifyCode } from "../api/verify-code";
import { useSentCode } from "../hooks/use-sent-code";
import { CodeStep } from "./CodeStep";
import { NameStep } from "./NameStep";
import { PhoneStep } from "./PhoneStep";

export interface PhoneSignInProps {
  /** Right before the session starts (the flow can keep this component on screen for the name step). */
  onVerified?: (result: SignIn) => void;
  /** Signed in, and the name given for a new account. */
  onComplete?: () => void;
  /** Other ways to sign in (a passkey), shown above the phone number. */
  alternatives?: ReactNode;
  /** Checks the code (default: the phone sign-in; a Google or Apple link passes its own). */
  verify?: VerifyCode;
}

/**
 * Sign in with a one-time code sent by SMS or WhatsApp, in place (the page around it stays):
 * the phone number, then the code, then the name when the account has none.
 */
export function PhoneSignIn({ onVerified, onComplete, alternatives, verify }: PhoneSignInProps) {
  const language = useLanguage();
  const saveAccountLanguage = useSaveAccountLanguage();
  const sentCode = useSentCode();
  const [askName, setAskName] = useState(false);

  if (askName) return <NameStep onDone={() => onComplete?.()} />;
  if (!sentCode.sent) {
    return (
      <>
        {alternatives}
        <PhoneStep onSent={sentCode.remember} />
      </>
    );
  }
  return (
    <CodeStep
      sent={sentCode.sent}
      verify={verify}
      onResent={sentCode.remember}
      onChangeNumber={sentCode.changeNumber}
      onVerified={(result) => {
        sentCode.used();
        const needsName = result.created || !result.user.first_name;
        if (needsName) setAskName(true);
        onVerified?.(result);
        session.signIn(result.access);
        // The account speaks the language on screen (the server's answers, its text messages).
        saveAccountLanguage(language);
        if (!needsName) onComplete?.();
      }}
    />
  );
}
