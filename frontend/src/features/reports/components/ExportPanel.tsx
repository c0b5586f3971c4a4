import { useId } from "react";
import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";

import { EXPORT_FORMATS, EXPORT_KINDS, useDownloadExport } from "../api/download-export";
import type { DayRange } from "../period";

/** CSV and Excel files of the period's bookings, payments and customers, fetched with the session's token. */
export function ExportPanel({ salonId, range }: { salonId: number; range: DayRange }) {
  const { t } = useTranslation("reports");
  const errorMessage = useErrorMessage();
  const download = useDownloadExport();
  const titleId = useId();
  const busy = download.isPending ? download.variables : null;
  return (
    <section className="card report-card report-card--wide exports" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("exports.title")}</h2>
      <p className="report-muted">{t("exports.note")}</p>
      <ul className="exports__list">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind} className="exports__row">
            <span className="exports__kind">{t(`exports.kinds.${kind}`)}</span>
            <span className="actions">
              {EXPORT_FORMATS.map((format) => {
                const pending = busy?.kind === kind && busy.format === format;
                return (
                  <button
                    key={format}
                    type="button"
                    className="button button--secondary button--small"
                    aria-busy={pending}
                    disabled={download.isPending}
                    onClick={() => download.mutate({ salonId, kind, format, ...range })}
                  >
                    {pending && <span className="spinner spinner--small" aria-hidden="true" />}
                    {/* Named in full for screen readers ("Download bookings as CSV"), the format shown. */}
                    <span className="visually-hidden">
                      {t("exports.downloadAs", { what: t(`exports.kinds.${kind}`) })}{" "}
                    </span>
                    {t(`exports.formats.${format}`)}
                  </button>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {download.isPending && <p className="report-muted">{t("exports.downloading")}</p>}
        {download.isSuccess && (
          // The file's name reads left to right inside an Arabic sentence: isolated (LRI … PDI), like <bdi>.
          <Notice tone="success">{t("exports.done", { filename: `\u2066${download.data}\u2069` })}</Notice>
        )}
      </div>
      {download.isError && (
        <Notice tone="error" title={t("exports.failed")} live>
          <p>{errorMessage(download.error)}</p>
        </Notice>
      )}
    </section>
  );
}
