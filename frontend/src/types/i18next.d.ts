// Translation keys are checked at build time against the Arabic catalogues (the default language).
import "i18next";

import type accounts from "@/locales/ar/accounts.json";
import type backoffice from "@/locales/ar/backoffice.json";
import type bookings from "@/locales/ar/bookings.json";
import type calendars from "@/locales/ar/calendars.json";
import type common from "@/locales/ar/common.json";
import type desk from "@/locales/ar/desk.json";
import type email from "@/locales/ar/email.json";
import type errors from "@/locales/ar/errors.json";
import type googleCalendar from "@/locales/ar/googleCalendar.json";
import type waitlist from "@/locales/ar/waitlist.json";
import type invoicing from "@/locales/ar/invoicing.json";
import type ledger from "@/locales/ar/ledger.json";
import type notifications from "@/locales/ar/notifications.json";
import type packages from "@/locales/ar/packages.json";
import type passkeys from "@/locales/ar/passkeys.json";
import type payments from "@/locales/ar/payments.json";
import type privacy from "@/locales/ar/privacy.json";
import type reports from "@/locales/ar/reports.json";
import type salons from "@/locales/ar/salons.json";
import type social from "@/locales/ar/social.json";
import type zatca from "@/locales/ar/zatca.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
      errors: typeof errors;
      accounts: typeof accounts;
      salons: typeof salons;
      bookings: typeof bookings;
      payments: typeof payments;
      notifications: typeof notifications;
      backoffice: typeof backoffice;
      desk: typeof desk;
      reports: typeof reports;
      invoicing: typeof invoicing;
      ledger: typeof ledger;
      privacy: typeof privacy;
      calendars: typeof calendars;
      email: typeof email;
      googleCalendar: typeof googleCalendar;
      waitlist: typeof waitlist;
      passkeys: typeof passkeys;
      social: typeof social;
      zatca: typeof zatca;
      packages: typeof packages;
    };
  }
}
