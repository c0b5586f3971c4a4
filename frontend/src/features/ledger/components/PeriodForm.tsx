import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

import { Field } from "@/components/Field";
import type { IsoDate } from "@/lib/calendar-date";
import { formatNumber } from "@/lib/format/number";
import { useLanguage } from "@/hooks/use-language";

import type { Period } from "../api/get-statement";
import { MAX_PERIOD_DAYS, PERIOD_PRESETS, periodProblem, presetOf, presetPeriod } from "../period";

interface PeriodFormProps {
  period: Period;
  /** Today on the salon's calendar (the presets count from it). */
  today: IsoDate;
  onChange: (period: Period) => void;
}

/** The statement's period: this month or last month at a press, or any two days (Gregorian). */
export function PeriodForm({ period, today, onChange }: PeriodFormProps) {
  const { t } = useTranslation("ledger");
  const language = useLanguage();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [checked, setChecked] = useState(false);
  const current = presetOf(period, today);
  const problem = checked ? periodProblem(from, to) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (periodProblem(from, to) === null) onChange({ from, to });
  };

  const choose = (next: Period) => {
    setFrom(next.from);
    setTo(next.to);
    setChecked(false);
    onChange(next);
  };

  return (
    <form className="ledger-period" onSubmit={submit} noValidate aria-label={t("statement.period")}>
      <div className="actions" role="group" aria-label={t("statement.presetsLabel")}>
        {PERIOD_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="button button--secondary button--small"
            aria-pressed={current === preset}
            onClick={() => choose(presetPeriod(preset, today))}
          >
            {t(`statement.presets.${preset}`)}
          </button>
        ))}
      </div>
      <div className="ledger-period__dates">
        <Field
          label={t("statement.from")}
          error={problem === "missing" && !from ? t("statement.problems.missing") : null}
        >
          <input
            className="input"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </Field>
        <Field
          label={t("statement.to")}
          error={
            problem === "order"
              ? t("statement.problems.order")
              : problem === "tooLong"
                ? t("statement.problems.tooLong", { max: formatNumber(MAX_PERIOD_DAYS, language) })
                : problem === "missing" && !to
                  ? t("statement.problems.missing")
                  : null
          }
        >
          <input
            className="input"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button--secondary ledger-period__show">
          {t("statement.show")}
        </button>
      </div>
    </form>
  );
}
