import type { QueryClient } from "@tanstack/react-query";

// Every ledger query key starts with "ledger" (the salon's money is private: dropped on sign-out), then
// the salon, so a change to its payout details refreshes all of that salon's money at once.

export function ledgerQueryRoot(salonId: number) {
  return ["ledger", salonId] as const;
}

export function refreshLedger(queryClient: QueryClient, salonId: number): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ledgerQueryRoot(salonId) });
}
