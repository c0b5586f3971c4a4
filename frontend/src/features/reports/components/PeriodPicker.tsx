import "../reports.css";

import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { useLanguage } from "@/hooks/use-language";
import { formatCalendarRange, formatHijriRange } from "@/lib/format/date";

import {
  PRESETS,
  type PeriodChoice,
  presetRange,
  previousRange,
  rangeProblem,
  type RangeProblem,
  type ReportPeriod,
} from "../period";

const CHOICES: PeriodChoice[] = [...PRESETS, "custom"];

function CustomRange({ period, onApply }: { period: ReportPeriod; onApply: (period: ReportPeriod) => void }) {
  const { t } = useTranslation("reports");
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<RangeProblem | null>(null);
  const problemId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeProblem(from, to);
    setProblem(found);
    if (!found) onApply({ choice: "custom", from, to });
  };
  const invalid = problem !== null;
  return (
    <form className="period-custom" aria-label={t("period.customForm")} onSubmit={submit} noValidate>
      <label className="field">
        <span>{t("period.from")}</span>
        <input
          className="input"
          type="date"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? problemId : undefined}
          required
        />
      </label>
      <label className="field">
        <span>{t("period.to")}</span>
        <input
          className="input"
          type="date"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? problemId : undefined}
          required
        />
      </label>
      <button type="submit" className="button button--secondary">
        {t("period.apply")}
      </button>
      {problem && (
        <p id={problemId} className="field__error period-custom__error" role="alert">
          {t(`period.problems.${problem}`)}
        </p>
      )}
    </form>
  );
}

/**
 * The report's period: today, this week (Sunday to Saturday), this month, last month, or days chosen;
 * the days shown in the Gregorian calendar with the Hijri dates beside them.
 */
export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: ReportPeriod;
  /** The salon's today. */
  today: string;
  onChange: (period: ReportPeriod) => void;
}) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  // "Custom" chosen while a preset is still shown: open until the period changes (a preset, Back).
  const periodKey = `${period.choice}:${period.from}:${period.to}`;
  const [customOpenedAt, setCustomOpenedAt] = useState<string | null>(null);
  const choice: PeriodChoice = customOpenedAt === periodKey ? "custom" : period.choice;
  const previous = previousRange(period);

  const choose = (next: PeriodChoice) => {
    if (next === "custom") {
      setCustomOpenedAt(periodKey);
      return;
    }
    setCustomOpenedAt(null);
    onChange({ choice: next, ...presetRange(next, today) });
  };

  return (
    <div className="card period">
      <fieldset className="segmented">
        <legend>{t("period.legend")}</legend>
        {CHOICES.map((option) => (
          <label key={option} className="segmented__option">
            <input
              type="radio"
              name="report-period"
              value={option}
              checked={choice === option}
              onChange={() => choose(option)}
            />
            <span>{t(`period.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {choice === "custom" && <CustomRange period={period} onApply={onChange} />}
      <dl className="period__dates">
        <div>
          <dt>{t("period.shown")}</dt>
          <dd>{formatCalendarRange(period.from, period.to, language)}</dd>
        </div>
        <div>
          <dt>{t("period.hijri")}</dt>
          <dd>{formatHijriRange(period.from, period.to, language)}</dd>
        </div>
      </dl>
      <p className="report-muted">
        {t("period.comparedWith", { range: formatCalendarRange(previous.from, previous.to, language) })}
      </p>
    </div>
  );
}
