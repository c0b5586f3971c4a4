import "../ledger.css";

import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import type { PayoutDetails } from "@/types/models";

import { usePayoutDetails } from "../api/get-payout-details";
import { IbanForm } from "./IbanForm";
import { LegalNameForm } from "./LegalNameForm";

export const PAYOUT_DETAILS_ID = "payout-details";

interface PayoutDetailsPanelProps {
  salonId: number;
  timeZone: string;
  /** The salon's profile page, where the VAT number is edited. */
  salonProfileHref: string;
}

function BankAccount({ salonId, timeZone, details }: { salonId: number; timeZone: string; details: PayoutDetails }) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <div className="stack" aria-labelledby="ledger-bank-account" role="group">
      <h3 id="ledger-bank-account">{t("details.bankAccount")}</h3>
      <dl className="ledger-facts">
        <div>
          <dt>{t("details.iban")}</dt>
          <dd>{details.iban_set ? <bdi dir="ltr">{details.iban_masked}</bdi> : t("details.ibanNone")}</dd>
        </div>
        {details.iban_set && details.updated_at && (
          <div>
            <dt>{t("details.ibanChangedAt")}</dt>
            <dd>
              <time dateTime={details.updated_at}>{formatDate(details.updated_at, language, timeZone, "long")}</time>
            </dd>
          </div>
        )}
      </dl>
      {saved && (
        <Notice tone="success" live>
          <p>
            {t("details.ibanSaved")} <bdi dir="ltr">{saved}</bdi>
          </p>
        </Notice>
      )}
      {editing ? (
        <IbanForm
          salonId={salonId}
          onSaved={(answer) => {
            setSaved(answer.iban_masked);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            {details.iban_set ? t("details.changeIban") : t("details.addIban")}
          </button>
        </div>
      )}
    </div>
  );
}

/** Where the salon's money goes: its legal name, its VAT number (read here) and its IBAN (masked). */
export function PayoutDetailsPanel({ salonId, timeZone, salonProfileHref }: PayoutDetailsPanelProps) {
  const { t } = useTranslation("ledger");
  const details = usePayoutDetails(salonId);

  return (
    <section
      id={PAYOUT_DETAILS_ID}
      className="stack ledger-anchor"
      aria-labelledby="ledger-payout-details"
      tabIndex={-1}
    >
      <h2 id="ledger-payout-details">{t("details.heading")}</h2>
      {details.isPending ? (
        <LoadingState />
      ) : details.isError ? (
        <ErrorState error={details.error} onRetry={() => void details.refetch()} />
      ) : (
        <>
          <div className="card stack">
            <LegalNameForm salonId={salonId} legalName={details.data.legal_name} />
            <dl className="ledger-facts">
              <div>
                <dt>{t("details.vatNumber")}</dt>
                <dd>
                  {details.data.vat_number ? <bdi dir="ltr">{details.data.vat_number}</bdi> : t("details.vatNone")}{" "}
                  <Link className="link" to={salonProfileHref}>
                    {t("details.vatWhere")}
                  </Link>
                </dd>
              </div>
            </dl>
          </div>
          <div className="card">
            <BankAccount salonId={salonId} timeZone={timeZone} details={details.data} />
          </div>
        </>
      )}
    </section>
  );
}
