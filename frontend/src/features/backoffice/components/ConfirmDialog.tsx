import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "@/components/Dialog";
import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What the action affects, said before it is done. */
  children: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a destructive action, saying what it affects; the action's error stays in the dialog. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useTranslation("backoffice");
  const errorMessage = useErrorMessage();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="stack">
        {children}
        {error ? (
          <Notice tone="error" live>
            <p>{errorMessage(error)}</p>
          </Notice>
        ) : null}
        <div className="actions">
          <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
            {pending ? (pendingLabel ?? confirmLabel) : confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("actions.keep")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
