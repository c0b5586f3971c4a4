import { useTranslation } from "react-i18next";

import { Reference } from "@/components/Reference";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatTime } from "@/lib/format/time";
import type { StatementEntry } from "@/types/models";

interface StatementTableProps {
  entries: StatementEntry[];
  currency: string;
  timeZone: string;
  caption: string;
}

function Entry({ entry, currency, timeZone }: { entry: StatementEntry; currency: string; timeZone: string }) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const direction = entry.amount > 0 ? "in" : entry.amount < 0 ? "out" : "zero";
  return (
    <tr role="row">
      <td role="cell" className="ledger-table__when">
        <time dateTime={entry.occurred_at}>
          <span>{formatDate(entry.occurred_at, language, timeZone, "long")}</span>{" "}
          <span>{formatTime(entry.occurred_at, language, timeZone)}</span>
        </time>
      </td>
      <td role="cell" className="ledger-table__entry">
        <span className="ledger-table__kind">{t(`kinds.${entry.kind}`)}</span>
        <span className="ledger-table__description">{entry.description}</span>
      </td>
      <td role="cell" className="ledger-table__reference">
        {entry.booking_reference ? (
          <>
            {t("statement.booking")} <Reference>{entry.booking_reference}</Reference>
          </>
        ) : entry.payout_reference ? (
          <>
            {t("statement.payout")} <Reference>{entry.payout_reference}</Reference>
          </>
        ) : null}
      </td>
      <td role="cell" className={`ledger-table__money ledger-table__amount ledger-amount ledger-amount--${direction}`}>
        {formatMoney(entry.amount, currency, language, { signed: true })}
      </td>
      <td role="cell" className="ledger-table__money ledger-table__balance">
        {/* On a phone the columns' headers are hidden: this one says what the figure is. */}
        <span className="ledger-table__label" aria-hidden="true">
          {t("statement.columns.balance")}{" "}
        </span>
        {formatMoney(entry.balance_after, currency, language)}
      </td>
    </tr>
  );
}

/** The statement's entries, oldest first: when, what, how much (signed, from the salon's side), and the balance after. */
export function StatementTable({ entries, currency, timeZone, caption }: StatementTableProps) {
  const { t } = useTranslation("ledger");
  return (
    // On a phone each row is a small block (entry and amount, then date, reference and balance): the
    // explicit roles keep it a table for screen readers whatever its CSS display.
    <div className="ledger-table-wrap">
      <table className="ledger-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {t("statement.columns.date")}
            </th>
            <th role="columnheader" scope="col">
              {t("statement.columns.entry")}
            </th>
            <th role="columnheader" scope="col">
              {t("statement.columns.reference")}
            </th>
            <th role="columnheader" scope="col" className="ledger-table__money">
              {t("statement.columns.amount")}
            </th>
            <th role="columnheader" scope="col" className="ledger-table__money">
              {t("statement.columns.balance")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} currency={currency} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
