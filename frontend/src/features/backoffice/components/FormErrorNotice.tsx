import { useTranslation } from "react-i18next";

import { useErrorMessage } from "@/components/error-message";
import { Notice } from "@/components/Notice";
import { isApiError } from "@/lib/api-client";

import { otherFieldErrors } from "../forms";

interface FormErrorNoticeProps {
  error: unknown;
  /** The fields the form shows next to its controls (their messages are there, not here). */
  fields: readonly string[];
}

/**
 * A failed save: when the server refused some fields, a pointer to them (their messages are next to
 * them) plus any message for a field the form does not show; otherwise the error's message.
 */
export function FormErrorNotice({ error, fields }: FormErrorNoticeProps) {
  const { t } = useTranslation("backoffice");
  const errorMessage = useErrorMessage();
  if (!error) return null;
  const others = otherFieldErrors(error, fields);
  const shownHere = isApiError(error) && fields.some((field) => field in error.fieldErrors);
  return (
    <Notice tone="error" live>
      <p>{shownHere ? t("form.checkFields") : errorMessage(error)}</p>
      {others.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </Notice>
  );
}
