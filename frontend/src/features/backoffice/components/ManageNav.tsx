import "../backoffice.css";

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";

import { Icon, type IconName } from "@/components/Icon";

/** The manage area's sections, in order: `/manage/:salonId/<section>`. */
export const MANAGE_SECTIONS = [
  "today",
  "calendar",
  "services",
  "packages",
  "team",
  "salon",
  "customers",
  "reports",
  "invoices",
  "finance",
  "activity",
] as const;
export type ManageSection = (typeof MANAGE_SECTIONS)[number];

const ICONS: Record<ManageSection, IconName> = {
  today: "clock",
  calendar: "calendar",
  services: "scissors",
  packages: "receipt",
  team: "users",
  salon: "store",
  customers: "user",
  reports: "chart",
  invoices: "receipt",
  finance: "wallet",
  activity: "history",
};

export function isManageSection(value: string | undefined): value is ManageSection {
  return (MANAGE_SECTIONS as readonly string[]).includes(value ?? "");
}

/** The sections of one salon: a scrolling row of tabs on a phone, a side list on wider screens. */
export function ManageNav({ salonId }: { salonId: number }) {
  const { t } = useTranslation("backoffice");
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On a phone the row scrolls sideways: keep the current section in sight.
  useEffect(() => {
    const current = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (typeof current?.scrollIntoView === "function") current.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav className="manage-nav" aria-label={t("shell.sections")}>
      <ul className="manage-nav__list" ref={list}>
        {MANAGE_SECTIONS.map((section) => (
          <li key={section}>
            <NavLink className="manage-nav__link" to={`/manage/${salonId}/${section}`}>
              <Icon name={ICONS[section]} size={18} />
              <span>{t(`sections.${section}`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
