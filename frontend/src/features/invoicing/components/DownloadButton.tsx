import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";

import { type DocumentDownload, useDownloadDocument } from "../api/download-document";

interface DownloadButtonProps {
  file: DocumentDownload;
  children: string;
  /** The accessible name when the visible text is short (e.g. "PDF" in a table row). */
  label?: string;
  className?: string;
}

/** A button that fetches a file with the session's token and saves it; says so when it fails. */
export function DownloadButton({ file, children, label, className = "button button--secondary" }: DownloadButtonProps) {
  const { t } = useTranslation("invoicing");
  const message = useErrorMessage();
  const download = useDownloadDocument();
  return (
    <span className="download">
      <button
        type="button"
        className={className}
        aria-label={label}
        disabled={download.isPending}
        onClick={() => download.mutate(file)}
      >
        {download.isPending ? t("toolbar.downloading") : children}
      </button>
      {download.isError && (
        <span className="download__error" role="alert">
          {message(download.error)}
        </span>
      )}
    </span>
  );
}
