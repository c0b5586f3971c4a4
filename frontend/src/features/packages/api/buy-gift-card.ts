import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { PaymentSource, Purchase } from "@/types/models";

export interface BuyGiftCardInput {
  salonId: number;
  /** Halalas, within the configured range. */
  amount: number;
  recipientName: string;
  recipientPhone: string;
  source: PaymentSource;
}

/** POST /api/gift-cards/: starts paying for a gift card at a salon (like a package). */
export function buyGiftCard({ salonId, amount, recipientName, recipientPhone, source }: BuyGiftCardInput) {
  return api.post<Purchase>("/api/gift-cards/", {
    salon: salonId,
    amount,
    recipient_name: recipientName,
    recipient_phone: recipientPhone,
    source,
  });
}

export function useBuyGiftCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: buyGiftCard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["packages", "gift-cards"] }),
  });
}
