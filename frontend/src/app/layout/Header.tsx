import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";

import { Icon, type IconName } from "@/components/Icon";
import { useMe } from "@/features/accounts/api/get-me";
import { useSaveAccountLanguage } from "@/features/accounts/api/update-me";
import { useUnreadCount } from "@/features/notifications/api/get-unread-count";
import { useLanguage } from "@/hooks/use-language";
import { useSession } from "@/hooks/use-session";
import { changeLanguage, type Language } from "@/lib/i18n";
import { formatNumber } from "@/lib/format/number";
import { signInPath } from "@/lib/safe-redirect";

const OTHER_LANGUAGE: Record<Language, { code: Language; name: string }> = {
  ar: { code: "en", name: "English" },
  en: { code: "ar", name: "العربية" },
};

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { status } = useSession();
  const saveAccountLanguage = useSaveAccountLanguage();
  const other = OTHER_LANGUAGE[language];

  const switchLanguage = () => {
    void changeLanguage(other.code);
    // Messages (SMS, API answers) follow the account's language too.
    if (status === "signed_in") saveAccountLanguage(other.code, { always: true });
  };

  return (
    <button type="button" className="language-switch" onClick={switchLanguage}>
      <Icon name="globe" size={18} />
      <span className="visually-hidden">{t("nav.switchLanguageTo")} </span>
      <span lang={other.code}>{other.name}</span>
    </button>
  );
}

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  badge?: number;
  accessibleLabel?: string;
}

export function Header() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { status } = useSession();
  const me = useMe();
  const unread = useUnreadCount();
  const location = useLocation();
  // Signing in from a page comes back to it.
  const here = location.pathname + location.search;
  const signInTarget = location.pathname === "/" || location.pathname === "/sign-in" ? "/sign-in" : signInPath(here);
  const signedIn = status === "signed_in";
  const isStaff = me.data?.role === "staff" || me.data?.role === "manager";
  // Managers of a salon (and platform admins, whatever their role) get the back office: the account
  // says so, so nobody else asks the back office (a customer would get a 403).
  const isManager = signedIn && me.data?.manages_salons === true;
  const unreadCount = signedIn ? (unread.data ?? 0) : 0;

  const items: NavItem[] = [
    { to: "/", label: t("nav.home"), icon: "home" },
    { to: "/bookings", label: t("nav.bookings"), icon: "calendar" },
    ...(isStaff ? [{ to: "/staff", label: t("nav.myDay"), icon: "scissors" } satisfies NavItem] : []),
    ...(isManager ? [{ to: "/manage", label: t("nav.manage"), icon: "store" } satisfies NavItem] : []),
    {
      to: "/inbox",
      label: t("nav.inbox"),
      icon: "bell",
      badge: unreadCount,
      accessibleLabel: unreadCount
        ? t("nav.inboxUnread", { count: unreadCount, n: formatNumber(unreadCount, language) })
        : undefined,
    },
    signedIn
      ? { to: "/profile", label: t("nav.profile"), icon: "user" }
      : { to: signInTarget, label: t("nav.signIn"), icon: "user" },
  ];

  return (
    <header className="header">
      <div className="header__bar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ص
          </span>
          <span className="brand__name">{t("appName")}</span>
        </Link>
        <LanguageSwitch />
      </div>
      <nav className="nav" aria-label={t("nav.label")}>
        <ul className="nav__list">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/"} className="nav__link" aria-label={item.accessibleLabel}>
                <span className="nav__icon">
                  <Icon name={item.icon} />
                  {/* The count is drawn by CSS, so the link's text is its visible label ("Inbox"), which
                      the accessible name ("Inbox, 3 unread") contains (WCAG 2.5.3, label in name). */}
                  {item.badge ? (
                    <span className="badge" aria-hidden="true" data-count={formatNumber(item.badge, language)} />
                  ) : null}
                </span>
                <span className="nav__text">{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
