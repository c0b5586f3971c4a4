import "../desk.css";

import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatNumber } from "@/lib/format/number";
import type { Customer } from "@/types/models";

import { useForgiveNoShow } from "../api/forgive-no-show";

/** The customer's no-shows that count towards full prepayment, and forgiving one (audited). */
export function ForgiveNoShow({ customer, salonId }: { customer: Customer; salonId: number }) {
  const { t } = useTranslation("desk");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const forgive = useForgiveNoShow();

  return (
    <div className="stack">
      <p>
        {t("customers.noShowCount", {
          count: customer.no_show_count,
          n: formatNumber(customer.no_show_count, language),
        })}
        {customer.no_shows_forgiven > 0 &&
          ` ${t("customers.noShowsForgiven", {
            count: customer.no_shows_forgiven,
            n: formatNumber(customer.no_shows_forgiven, language),
          })}`}
      </p>
      {forgive.isError && (
        <Notice tone="error" live>
          <p>{errorMessage(forgive.error)}</p>
        </Notice>
      )}
      {customer.no_show_count > 0 && (
        <button
          type="button"
          className="button button--secondary desk-start"
          disabled={forgive.isPending}
          onClick={() => forgive.mutate({ salonId, userId: customer.user_id })}
        >
          {t("customers.forgiveNoShow")}
        </button>
      )}
    </div>
  );
}
