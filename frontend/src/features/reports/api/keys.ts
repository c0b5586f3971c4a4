// Query keys of the reports: the salon's private figures, dropped on sign-out ("reports" is one of the
// private roots in lib/query-client.ts).

export function reportsQueryRoot(salonId: number) {
  return ["reports", salonId] as const;
}
