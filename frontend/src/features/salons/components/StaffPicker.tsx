import "../salons.css";

import { useTranslation } from "react-i18next";

import { Icon } from "@/components/Icon";
import type { Staff } from "@/types/models";

import { StaffAvatar } from "./StaffList";

interface StaffPickerProps {
  staff: Staff[];
  /** null: any stylist. */
  selectedId: number | null | undefined;
  onSelect: (staffId: number | null) => void;
}

/** "Any stylist" first (the most free times), then each stylist who offers the service. */
export function StaffPicker({ staff, selectedId, onSelect }: StaffPickerProps) {
  const { t } = useTranslation("salons");
  return (
    <ul className="choice-list">
      <li>
        <button type="button" className="choice" aria-pressed={selectedId === null} onClick={() => onSelect(null)}>
          <span className="avatar avatar--any" aria-hidden="true">
            ✦
          </span>
          <span className="choice__main">
            <span className="choice__title">{t("staffPicker.any")}</span>
            <span className="choice__meta">{t("staffPicker.anyHint")}</span>
          </span>
          <Icon name="forward" />
        </button>
      </li>
      {staff.map((member) => (
        <li key={member.id}>
          <button
            type="button"
            className="choice"
            aria-pressed={selectedId === member.id}
            onClick={() => onSelect(member.id)}
          >
            <StaffAvatar staff={member} />
            <span className="choice__main">
              <span className="choice__title">{member.display_name}</span>
              <span className="choice__meta" dir="auto">
                {member.title}
              </span>
            </span>
            <Icon name="forward" />
          </button>
        </li>
      ))}
    </ul>
  );
}
