/** Every query of the feature starts with this; a stylist's own calendar is `null`. */
export const googleCalendarRoot = ["google-calendar"] as const;

export function googleCalendarKey(staffId: number | null) {
  return [...googleCalendarRoot, staffId ?? "me"] as const;
}
