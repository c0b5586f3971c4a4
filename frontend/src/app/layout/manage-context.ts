import { useOutletContext } from "react-router";

import type { ManageSalonSummary } from "@/types/models";

/** What the manage area's shell (`routes/manage-layout.tsx`) hands to each section's page. */
export interface ManageContext {
  /** The salon in the URL (`/manage/:salonId/…`), one the signed-in person manages. */
  salon: ManageSalonSummary;
  /** Every salon they manage (the switcher's choices). */
  salons: ManageSalonSummary[];
}

/** The salon being managed, for a page under `/manage/:salonId/`. */
export function useManageContext(): ManageContext {
  return useOutletContext<ManageContext>();
}
