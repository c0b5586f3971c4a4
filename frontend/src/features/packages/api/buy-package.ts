import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PaymentSource, Purchase } from "@/types/models";

export interface BuyPackageInput {
  packageId: number;
  source: PaymentSource;
}

/**
 * POST /api/packages/purchases/: starts paying for a package. The answer is `initiated` with a
 * `transaction_url` (3-D Secure or the demo gateway), `paid`, or `failed`.
 */
export function buyPackage({ packageId, source }: BuyPackageInput): Promise<Purchase> {
  return api.post<Purchase>("/api/packages/purchases/", { package: packageId, source });
}

export function useBuyPackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: buyPackage,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["packages", "mine"] }),
  });
}
