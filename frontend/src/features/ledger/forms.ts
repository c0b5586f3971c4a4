// The payout details forms' shared bits: the server's field errors shown next to the same fields
// (as the back office's forms do), and the API's rules checked before sending.
import { isApiError } from "@/lib/api-client";

/** `legal_name`'s limit in the API. */
export const LEGAL_NAME_MAX = 200;

/** Codes of a refused one-time code: shown at the code's field. */
export const CODE_ERRORS: ReadonlySet<string> = new Set(["code_invalid", "code_required"]);

/** The first message the server gave for a field, or null. */
export function serverFieldError(error: unknown, field: string): string | null {
  return isApiError(error) ? (error.fieldErrors[field]?.[0] ?? null) : null;
}

/** Whether the error is one the form shows next to a field (rather than in a notice). */
export function isFieldError(error: unknown, fields: readonly string[]): boolean {
  if (!isApiError(error)) return false;
  return CODE_ERRORS.has(error.code) || fields.some((field) => field in error.fieldErrors);
}
