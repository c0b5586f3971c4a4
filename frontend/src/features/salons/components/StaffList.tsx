import "../salons.css";

import type { Staff } from "@/types/models";

export function StaffAvatar({ staff }: { staff: Pick<Staff, "display_name" | "photo_url"> }) {
  return staff.photo_url ? (
    <img className="avatar" src={staff.photo_url} alt="" width={48} height={48} loading="lazy" />
  ) : (
    <span className="avatar avatar--initial" aria-hidden="true">
      {Array.from(staff.display_name)[0]}
    </span>
  );
}

export function StaffList({ staff }: { staff: Staff[] }) {
  return (
    <ul className="staff-list">
      {staff.map((member) => (
        <li key={member.id} className="staff-list__item">
          <StaffAvatar staff={member} />
          <div>
            <p className="staff-list__name">{member.display_name}</p>
            <p className="staff-list__title" dir="auto">
              {member.title}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
