import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";

import { useUpdateMe } from "../api/update-me";

/** Sign-in, last step for a new account (or one without a name): the name, which can be skipped. */
export function NameStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const updateMe = useUpdateMe();
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!firstName.trim()) {
      setMissing(true);
      return;
    }
    updateMe.mutate({ first_name: firstName.trim(), last_name: lastName.trim() }, { onSuccess: onDone });
  };

  return (
    <form className="sign-in stack" onSubmit={submit} noValidate>
      <p className="sign-in__welcome">{t("signIn.welcome")}</p>
      <Field label={t("profile.firstName")} error={missing ? t("signIn.firstNameRequired") : null}>
        <input
          className="input"
          autoComplete="given-name"
          maxLength={150}
          value={firstName}
          onChange={(event) => {
            setFirstName(event.target.value);
            setMissing(false);
          }}
        />
      </Field>
      <Field label={t("profile.lastNameOptional")}>
        <input
          className="input"
          autoComplete="family-name"
          maxLength={150}
          value={lastName}
          onChange={(event) => setLastName(event.target.value)}
        />
      </Field>
      {updateMe.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(updateMe.error)}</p>
        </Notice>
      )}
      <button type="submit" className="button button--block" disabled={updateMe.isPending}>
        {t("signIn.continue")}
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        {t("signIn.skip")}
      </button>
    </form>
  );
}
