import { useTranslation } from "react-i18next";

/**
 * The server's reason for a declined payment (`failure_message`, translated into the customer's
 * language by the server), as a detail under our own message; isolated, since it is not our text.
 */
export function PaymentFailureReason({ reason }: { reason: string }) {
  const { t } = useTranslation("payments");
  if (!reason.trim()) return null;
  return (
    <p className="payment-failure__reason">
      {t("failureReason")} <bdi>{reason}</bdi>
    </p>
  );
}
