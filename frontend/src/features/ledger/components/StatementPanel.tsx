import "../ledger.css";

import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { LoadingState } from "@/components/LoadingState";
import { Notice } from "@/components/Notice";
import { useLanguage } from "@/hooks/use-language";
import type { IsoDate } from "@/lib/calendar-date";
import { formatCalendarRange } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

import { type StatementFormat, useDownloadStatement } from "../api/download-statement";
import { type Period, useStatement } from "../api/get-statement";
import { PeriodForm } from "./PeriodForm";
import { StatementTable } from "./StatementTable";

interface StatementPanelProps {
  salonId: number;
  timeZone: string;
  period: Period;
  today: IsoDate;
  onPeriod: (period: Period) => void;
}

const FORMATS: readonly StatementFormat[] = ["csv", "xlsx", "pdf"];

/** The statement of a period: opening and closing balance, every entry between, and the files to download. */
export function StatementPanel({ salonId, timeZone, period, today, onPeriod }: StatementPanelProps) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const statement = useStatement(salonId, period);
  const download = useDownloadStatement(salonId);
  const range = formatCalendarRange(period.from, period.to, language);

  return (
    <section className="stack" aria-labelledby="ledger-statement">
      <h2 id="ledger-statement">{t("statement.heading")}</h2>
      <PeriodForm key={`${period.from}/${period.to}`} period={period} today={today} onChange={onPeriod} />
      <div className="ledger-downloads" role="group" aria-labelledby="ledger-downloads">
        <p className="ledger-downloads__label" id="ledger-downloads">
          {t("statement.downloadLabel", { range })}
        </p>
        <div className="actions">
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--secondary button--small"
              disabled={download.isPending}
              onClick={() => download.mutate({ period, format })}
            >
              {download.isPending && download.variables.format === format
                ? t("statement.download.pending")
                : t(`statement.download.${format}`)}
            </button>
          ))}
        </div>
      </div>
      {download.isError && (
        <Notice tone="error" live>
          <p>{t("statement.download.failed", { message: errorMessage(download.error) })}</p>
        </Notice>
      )}
      {statement.isPending ? (
        <LoadingState />
      ) : statement.isError ? (
        <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />
      ) : (
        <div className="stack" aria-busy={statement.isPlaceholderData}>
          <dl className="ledger-summary">
            <div>
              <dt>{t("statement.opening")}</dt>
              <dd>{formatMoney(statement.data.opening_balance, statement.data.currency, language)}</dd>
            </div>
            <div>
              <dt>{t("statement.closing")}</dt>
              <dd>{formatMoney(statement.data.closing_balance, statement.data.currency, language)}</dd>
            </div>
          </dl>
          {statement.data.entries.length === 0 ? (
            <EmptyState icon="list" title={t("statement.empty")} description={range} />
          ) : (
            <StatementTable
              entries={statement.data.entries}
              currency={statement.data.currency}
              timeZone={timeZone}
              caption={t("statement.caption", { range })}
            />
          )}
        </div>
      )}
    </section>
  );
}
