import "../accounts.css";

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Field } from "@/components/Field";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { isApiError } from "@/lib/api-client";
import { changeLanguage, type Language } from "@/lib/i18n";
import { formatPhoneForDisplay } from "@/lib/phone";
import type { User } from "@/types/models";

import { useUpdateMe } from "../api/update-me";
import { EmailVerify } from "./EmailVerify";

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation("accounts");
  const errorMessage = useErrorMessage();
  const updateMe = useUpdateMe();
  const [firstName, setFirstName] = useState(user.first_name);
  const [lastName, setLastName] = useState(user.last_name);
  // A new address waits for its mailed code (`pending_email`); the field shows the newest address.
  const shownEmail = user.pending_email ?? user.email ?? "";
  const [email, setEmail] = useState(shownEmail);
  const [alertsBySms, setAlertsBySms] = useState(user.salon_alerts_by_sms);
  // Stylists and managers hear of their salon's bookings; customers have no such alerts.
  const hearsOfSalonBookings = user.role !== "customer";
  // The language on screen, which the account follows (it may not have caught up yet).
  const uiLanguage = useLanguage();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  // A language switched elsewhere (the header) resets the choice here: adjusted during render, not in an effect.
  const [followedLanguage, setFollowedLanguage] = useState(uiLanguage);
  if (followedLanguage !== uiLanguage) {
    setFollowedLanguage(uiLanguage);
    setLanguage(uiLanguage);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    updateMe.mutate(
      {
        first_name: firstName.trim(),
        last_name: lastName.trim(),
        // Sent only when changed: each new address gets a new code mailed to it.
        ...(email.trim() !== shownEmail ? { email: email.trim() } : {}),
        preferred_language: language,
        ...(hearsOfSalonBookings ? { salon_alerts_by_sms: alertsBySms } : {}),
      },
      { onSuccess: (saved) => void changeLanguage(saved.preferred_language) },
    );
  };

  const fieldError = (field: string) =>
    isApiError(updateMe.error) ? (updateMe.error.fieldErrors[field]?.[0] ?? null) : null;
  const hasFieldErrors = isApiError(updateMe.error) && Object.keys(updateMe.error.fieldErrors).length > 0;

  return (
    <>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="profile__phone">
          {t("profile.phone")}: <bdi dir="ltr">{formatPhoneForDisplay(user.phone_number)}</bdi>
        </p>
        <Field label={t("profile.firstName")} error={fieldError("first_name")}>
          <input
            className="input"
            dir="auto"
            autoComplete="given-name"
            maxLength={150}
            value={firstName}
            onChange={(event) => setFirstName(event.target.value)}
          />
        </Field>
        <Field label={t("profile.lastName")} error={fieldError("last_name")}>
          <input
            className="input"
            dir="auto"
            autoComplete="family-name"
            maxLength={150}
            value={lastName}
            onChange={(event) => setLastName(event.target.value)}
          />
        </Field>
        <Field label={t("profile.email")} error={fieldError("email")}>
          <input
            className="input input--ltr"
            type="email"
            dir="ltr"
            autoComplete="email"
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label={t("profile.language")} hint={t("profile.languageHint")}>
          <select className="input" value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="ar" lang="ar">
              العربية
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </Field>
        {hearsOfSalonBookings && (
          <div>
            <label className="check">
              <input
                type="checkbox"
                aria-describedby="salon-alerts-hint"
                checked={alertsBySms}
                onChange={(event) => setAlertsBySms(event.target.checked)}
              />
              <span>{t("profile.salonAlertsBySms")}</span>
            </label>
            <p className="field__hint" id="salon-alerts-hint">
              {t("profile.salonAlertsBySmsHint")}
            </p>
          </div>
        )}
        {updateMe.isError && !hasFieldErrors && (
          <Notice tone="error" live>
            <p>{errorMessage(updateMe.error)}</p>
          </Notice>
        )}
        {updateMe.isSuccess && <Notice tone="success" live title={t("profile.saved")} />}
        <button type="submit" className="button" disabled={updateMe.isPending}>
          {updateMe.isPending ? t("profile.saving") : t("profile.save")}
        </button>
      </form>
      {user.pending_email && <EmailVerify key={user.pending_email} pendingEmail={user.pending_email} />}
    </>
  );
}
