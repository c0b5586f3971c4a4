import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { useBooking } from "@/features/bookings/api/get-booking";
import { BookedSummary } from "@/features/bookings/components/BookedSummary";
import { useCheckedPayment } from "@/features/payments/api/refresh-payment";
import { PaymentOutcome } from "@/features/payments/components/PaymentOutcome";
import { useDocumentTitle } from "@/hooks/use-document-title";

/** Where the gateway sends the browser back (?id=&status=&message=); only `id` is used. The outcome
 * comes with what was booked, so the customer sees what the payment was for. */
export function Component() {
  const { t } = useTranslation("payments");
  const [params] = useSearchParams();
  const paymentId = params.get("id");
  // The same query as the outcome's (one request): it names the booking.
  const payment = useCheckedPayment(paymentId);
  const booking = useBooking(payment.data?.booking ?? 0);
  useDocumentTitle(t("return.title"));
  return (
    <div className="stack narrow">
      <h1>{t("return.title")}</h1>
      <PaymentOutcome paymentId={paymentId} />
      {booking.data && <BookedSummary booking={booking.data} />}
    </div>
  );
}
