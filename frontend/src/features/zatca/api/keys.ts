// Under the back office's salon root ("backoffice", "salon", id): private data, dropped on sign-out,
// refreshed with the rest of the salon's back-office queries.
export function zatcaUnitQueryKey(salonId: number) {
  return ["backoffice", "salon", salonId, "zatca"] as const;
}
