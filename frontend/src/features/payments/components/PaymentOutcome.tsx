import "../payments.css";

import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatMoney } from "@/lib/format/money";

import { useRefreshedPayment } from "../api/refresh-payment";
import { PaymentFailureReason } from "./PaymentFailureReason";

const SUCCESS = new Set(["paid", "captured", "authorized"]);

/** The return page: asks our server for the payment's real state and shows the outcome. */
export function PaymentOutcome({ paymentId }: { paymentId: string | null }) {
  const { t } = useTranslation("payments");
  const language = useLanguage();
  const payment = useRefreshedPayment(paymentId);

  if (!paymentId) return <ErrorState error={null} title={t("return.missing")} />;
  if (payment.isPending) return <LoadingState label={t("return.checking")} />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} />;

  const { data } = payment;
  const amount = formatMoney(data.amount, data.currency, language);

  if (SUCCESS.has(data.status)) {
    return (
      <div className="outcome stack">
        <Notice tone="success" live title={t("return.paidTitle")}>
          <p>{t("return.paidText", { amount })}</p>
        </Notice>
        <div className="actions">
          <Link className="button" to={`/bookings/${data.booking}`}>
            {t("return.viewBooking")}
          </Link>
          <Link className="button button--secondary" to="/bookings">
            {t("return.myBookings")}
          </Link>
        </div>
      </div>
    );
  }

  if (data.status === "initiated") {
    return (
      <div className="outcome stack">
        <Notice tone="info" live title={t("return.pendingTitle")}>
          <p>{t("return.pendingText")}</p>
        </Notice>
        <button type="button" className="button" onClick={() => void payment.refetch()} disabled={payment.isFetching}>
          {t("return.checkAgain")}
        </button>
      </div>
    );
  }

  return (
    <div className="outcome stack">
      <Notice tone="error" live title={t("return.failedTitle")}>
        <p>{t("failedGeneric")}</p>
        <PaymentFailureReason reason={data.failure_message} />
      </Notice>
      <div className="actions">
        <Link className="button" to={`/bookings/${data.booking}/pay`}>
          {t("return.tryAgain")}
        </Link>
        <Link className="button button--secondary" to={`/bookings/${data.booking}`}>
          {t("return.viewBooking")}
        </Link>
      </div>
    </div>
  );
}
