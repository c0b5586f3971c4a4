// Query keys of the desk. The data is the salon's and private: it lives under the `staff` root, so it
// is dropped on sign-out and refreshed with the stylists' schedules whenever a booking changes.

export const deskQueryRoot = ["staff", "desk"] as const;

export function salonDeskKey(salonId: number) {
  return ["staff", "desk", salonId] as const;
}

export function customersKey(salonId: number) {
  return ["staff", "desk", salonId, "customers"] as const;
}
