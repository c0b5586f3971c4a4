import "../desk.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";

import { useUpdateCustomer } from "../api/update-customer";
import type { Customer } from "@/types/models";

/** Block a customer from booking online at this salon, or let them again: both asked first. */
export function BlockCustomer({ customer, salonId }: { customer: Customer; salonId: number }) {
  const { t } = useTranslation("desk");
  const errorMessage = useErrorMessage();
  const update = useUpdateCustomer();
  const [asking, setAsking] = useState(false);
  const name = customer.first_name || t("calendar.customer");
  const blocking = !customer.blocked;

  const close = () => {
    setAsking(false);
    update.reset();
  };

  return (
    <div className="stack">
      <p>{blocking ? t("customers.blockExplanation") : t("customers.blockedExplanation", { name })}</p>
      <button
        type="button"
        className={blocking ? "button button--ghost-danger desk-start" : "button button--secondary desk-start"}
        onClick={() => setAsking(true)}
      >
        {blocking ? t("customers.block") : t("customers.unblock")}
      </button>
      <Dialog
        open={asking}
        title={blocking ? t("customers.blockTitle", { name }) : t("customers.unblockTitle", { name })}
        onClose={close}
      >
        <div className="stack">
          <p>{blocking ? t("customers.blockConsequence", { name }) : t("customers.unblockConsequence", { name })}</p>
          {update.isError && (
            <Notice tone="error" live>
              <p>{errorMessage(update.error)}</p>
            </Notice>
          )}
          <div className="actions">
            <button
              type="button"
              className={blocking ? "button button--danger" : "button"}
              disabled={update.isPending}
              onClick={() =>
                update.mutate(
                  { salonId, userId: customer.user_id, changes: { blocked: blocking } },
                  { onSuccess: () => setAsking(false) },
                )
              }
            >
              {blocking ? t("customers.blockConfirm") : t("customers.unblockConfirm")}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t("customers.keep")}
            </button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
