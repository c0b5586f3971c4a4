import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api } from "@/lib/api-client";
import type { Payment, PaymentSource } from "@/types/models";

export interface CreatePaymentInput {
  bookingId: number;
  source: PaymentSource;
  /** One per payment attempt: repeating the request with it never pays twice. */
  idempotencyKey: string;
}

/**
 * POST /api/payments/: starts paying a pending booking. The answer is `initiated` with a
 * `transaction_url` (3-D Secure, STC Pay OTP or the demo gateway), `paid`, or `failed`.
 */
export function createPayment({ bookingId, source, idempotencyKey }: CreatePaymentInput): Promise<Payment> {
  return api.post<Payment>(
    "/api/payments/",
    { booking: bookingId, source },
    { headers: { "Idempotency-Key": idempotencyKey } },
  );
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPayment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["bookings"] }),
  });
}
