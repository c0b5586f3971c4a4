import { useTranslation } from "react-i18next";

import { useErrorMessage } from "./error-message";

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title ?? t("errorTitle")}</p>
      <p className="state__text">{message(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("actions.retry")}
        </button>
      )}
    </div>
  );
}
