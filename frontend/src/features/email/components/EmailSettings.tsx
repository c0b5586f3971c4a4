import { useTranslation } from "react-i18next";

import { Notice } from "@/components/Notice";
import type { User } from "@/types/models";

export type EmailPreferences = Partial<Pick<User, "booking_emails" | "daily_agenda_by_email">>;

interface EmailSettingsProps {
  user: User;
  /** Saves a change of the preferences (the profile's update of the account). */
  onChange: (changes: EmailPreferences) => void;
  saving?: boolean;
}

/**
 * The account's email: whether it is verified or the mail provider could not deliver to it, and what
 * comes by email (booking messages; for managers, tomorrow's bookings every evening).
 */
export function EmailSettings({ user, onChange, saving = false }: EmailSettingsProps) {
  const { t } = useTranslation("email");
  if (!user.email) return null;
  const managesSalons = user.manages_salons;

  return (
    <section className="stack" aria-labelledby="email-settings-title">
      <h2 id="email-settings-title">{t("settings.title")}</h2>
      {user.email_undeliverable ? (
        <Notice tone="warning" title={t("settings.undeliverable")}>
          <p>{t("settings.undeliverableHint")}</p>
        </Notice>
      ) : (
        <p>
          <bdi dir="ltr">{user.email}</bdi>
          {" · "}
          {user.email_verified ? t("settings.verified") : t("settings.unverified")}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={user.booking_emails}
          disabled={saving}
          onChange={(event) => onChange({ booking_emails: event.target.checked })}
        />
        <span>{t("settings.bookingEmails")}</span>
      </label>
      {managesSalons && (
        <label className="check">
          <input
            type="checkbox"
            checked={user.daily_agenda_by_email}
            disabled={saving}
            onChange={(event) => onChange({ daily_agenda_by_email: event.target.checked })}
          />
          <span>{t("settings.dailyAgenda")}</span>
        </label>
      )}
    </section>
  );
}
