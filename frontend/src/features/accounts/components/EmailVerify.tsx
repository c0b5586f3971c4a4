import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";

import { useVerifyEmail } from "../api/verify-email";

/** The code mailed to a new email address: entering it makes the address the account's email. */
export function EmailVerify({ pendingEmail }: { pendingEmail: string }) {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const verify = useVerifyEmail();
  const [code, setCode] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate(code.trim());
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Notice tone="info" title={t("profile.emailPending", { email: pendingEmail })}>
        <p>{t("profile.emailPendingHint")}</p>
      </Notice>
      <Field label={t("profile.emailCode")}>
        <input
          className="input input--ltr"
          dir="ltr"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </Field>
      {verify.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(verify.error)}</p>
        </Notice>
      )}
      <button type="submit" className="button" disabled={verify.isPending || code.trim().length !== 6}>
        {t("profile.emailConfirm")}
      </button>
    </form>
  );
}
