import type { QueryClient } from "@tanstack/react-query";

// Every back-office query key starts with "backoffice" (private data, dropped on sign-out), then the
// salon: a change anywhere in a salon refreshes that salon's queries, its audit log included.

export const managedSalonsQueryKey = ["backoffice", "salons"] as const;

export function salonQueryRoot(salonId: number) {
  return ["backoffice", "salon", salonId] as const;
}

export function staffQueryRoot(salonId: number, staffId: number) {
  return [...salonQueryRoot(salonId), "staff", staffId] as const;
}

/**
 * After a change to a salon's catalog: its back-office queries, and what customers see of it (the
 * salons feature's salon pages and free times, under "salons"). When bookings were cancelled or
 * moved, the booking lists and stylists' days too (the bookings feature's "bookings" and "staff").
 */
export function refreshSalon(
  queryClient: QueryClient,
  salonId: number,
  { bookingsChanged = false }: { bookingsChanged?: boolean } = {},
): Promise<unknown> {
  const roots: (readonly unknown[])[] = [salonQueryRoot(salonId), ["salons"]];
  if (bookingsChanged) roots.push(["bookings"], ["staff"]);
  return Promise.all(roots.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
