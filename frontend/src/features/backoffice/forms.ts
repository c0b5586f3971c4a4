// What every back-office form shares: its own checks (the API's rules, so most mistakes are caught
// before sending) and the server's field errors, shown next to the same fields.
import { isApiError } from "@/lib/api-client";
import { toLatinDigits } from "@/lib/phone";

/** A form's own messages, by the API's field name. */
export type ClientErrors = Partial<Record<string, string>>;

/** The first message the server gave for a field, or null. */
export function serverFieldError(error: unknown, field: string): string | null {
  return isApiError(error) ? (error.fieldErrors[field]?.[0] ?? null) : null;
}

/** A whole number typed in any digits ("٤٥" → 45), or null. */
export function parseWhole(text: string): number | null {
  const value = toLatinDigits(text).trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** The messages of fields a form does not show (so they are not lost), e.g. `non_field_errors`. */
export function otherFieldErrors(error: unknown, shown: readonly string[]): string[] {
  if (!isApiError(error)) return [];
  return Object.entries(error.fieldErrors)
    .filter(([field]) => !shown.includes(field))
    .flatMap(([, messages]) => messages);
}

export function hasErrors(errors: ClientErrors): boolean {
  return Object.values(errors).some(Boolean);
}
