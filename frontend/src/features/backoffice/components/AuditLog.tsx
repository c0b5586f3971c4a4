import "../backoffice.css";

import { useTranslation } from "react-i18next";

import { EmptyState } from "@/components/EmptyState";
import { ErrorState } from "@/components/ErrorState";
import { Field } from "@/components/Field";
import { Icon } from "@/components/Icon";
import { LoadingState } from "@/components/LoadingState";
import { useLanguage } from "@/hooks/use-language";
import { formatDate } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { formatNumber } from "@/lib/format/number";
import { formatTime } from "@/lib/format/time";
import type { AuditEntry } from "@/types/models";

import { AUDIT_PAGE_SIZE, useAudit } from "../api/list-audit";

/** The object types the back office records (the `object_type`s the server writes), offered as a filter. */
export const AUDIT_OBJECT_TYPES = [
  "salon",
  "photo",
  "service",
  "staff",
  "working_hours",
  "time_off",
  "special_hours",
  "customer",
  "booking",
  "payout_account",
  "export",
] as const;

interface AuditLogProps {
  salonId: number;
  timeZone: string;
  object: string;
  page: number;
  onFilter: (object: string) => void;
  onPage: (page: number) => void;
}

function useDescribe() {
  const { t, i18n } = useTranslation("backoffice");
  const language = useLanguage();
  const known = (key: string) => i18n.exists(key, { ns: "backoffice" });

  const fieldName = (field: string) => (known(`fields.${field}`) ? t(`fields.${field}` as "fields.name_ar") : field);
  const objectType = (type: string) =>
    known(`audit.objects.${type}`) ? t(`audit.objects.${type}` as "audit.objects.salon") : type;

  /** A value before or after a change, readable: money as money, yes/no, lists and hours. */
  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return "—";
    if (typeof raw === "boolean") return raw ? t("audit.yes") : t("audit.no");
    if (typeof raw === "number" && field.endsWith("_amount")) return formatMoney(raw, "SAR", language);
    if (Array.isArray(raw)) return raw.length ? raw.map((item) => value("", item)).join("، ") : "—";
    if (typeof raw === "object") {
      const record = raw as Record<string, unknown>;
      if (typeof record.start === "string" && typeof record.end === "string") {
        const day = typeof record.weekday === "number" ? `${t(`weekdays.${record.weekday}` as "weekdays.0")} ` : "";
        return `${day}${record.start}–${record.end}`;
      }
      return JSON.stringify(raw);
    }
    return typeof raw === "string" ? raw : JSON.stringify(raw);
  };

  return { fieldName, objectType, value };
}

function Entry({ entry, timeZone }: { entry: AuditEntry; timeZone: string }) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const describe = useDescribe();
  const changes = Object.entries(entry.changes);
  const when = `${formatDate(entry.created_at, language, timeZone, "long")} ${formatTime(entry.created_at, language, timeZone)}`;

  return (
    <li className="card audit-entry">
      <h2 className="audit-entry__title">
        {describe.objectType(entry.object_type)}
        {entry.object_repr && (
          <>
            : <bdi>{entry.object_repr}</bdi>
          </>
        )}
      </h2>
      <p className="audit-entry__meta">
        <span className={`tag audit-action audit-action--${entry.action}`}>{t(`audit.actions.${entry.action}`)}</span>{" "}
        {t("audit.by", { actor: entry.actor?.first_name || t("audit.system") })}
        {" · "}
        <time dateTime={entry.created_at}>{when}</time>
      </p>
      {changes.length > 0 && (
        <div className="audit-changes">
          <table>
            <caption className="visually-hidden">{t("audit.changes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.field")}</th>
                <th scope="col">{t("audit.before")}</th>
                <th scope="col">{t("audit.after")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map(([field, [before, after] = [] as unknown[]]) => (
                <tr key={field}>
                  <th scope="row">{describe.fieldName(field)}</th>
                  <td>
                    <bdi>{describe.value(field, before)}</bdi>
                  </td>
                  <td>
                    <bdi>{describe.value(field, after)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

/** The salon's audit log, newest first: who changed what, when, each field before and after. */
export function AuditLog({ salonId, timeZone, object, page, onFilter, onPage }: AuditLogProps) {
  const { t } = useTranslation("backoffice");
  const language = useLanguage();
  const describe = useDescribe();
  const audit = useAudit(salonId, { object, page });
  const pages = audit.data ? Math.max(1, Math.ceil(audit.data.count / AUDIT_PAGE_SIZE)) : 1;

  return (
    <div className="stack">
      <h1>{t("sections.activity")}</h1>
      <Field label={t("audit.filter")}>
        <select className="input" value={object} onChange={(event) => onFilter(event.target.value)}>
          <option value="">{t("audit.allObjects")}</option>
          {AUDIT_OBJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {describe.objectType(type)}
            </option>
          ))}
        </select>
      </Field>
      {audit.isPending ? (
        <LoadingState />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.results.length === 0 ? (
        <EmptyState icon="history" title={t("audit.empty")} />
      ) : (
        <>
          <ol className="manage-list" aria-busy={audit.isPlaceholderData}>
            {audit.data.results.map((entry) => (
              <Entry key={entry.id} entry={entry} timeZone={timeZone} />
            ))}
          </ol>
          {pages > 1 && (
            <nav className="pager" aria-label={t("audit.pages")}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={page <= 1 || audit.isPlaceholderData}
                onClick={() => onPage(page - 1)}
              >
                <Icon name="back" size={18} />
                {t("audit.newer")}
              </button>
              <p aria-live="polite">
                {t("audit.pageOf", { page: formatNumber(page, language), pages: formatNumber(pages, language) })}
              </p>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={!audit.data.next || audit.isPlaceholderData}
                onClick={() => onPage(page + 1)}
              >
                {t("audit.older")}
                <Icon name="forward" size={18} />
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
