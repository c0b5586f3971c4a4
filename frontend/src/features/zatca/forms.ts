// The checks ZATCA makes on a seller's national address, in any digits ("٢٣٢٢" → "2322").
import { toLatinDigits } from "@/lib/phone";

export const ADDRESS_FIELDS = [
  "cr_number",
  "building_number",
  "street",
  "district_name",
  "city_name",
  "postal_code",
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

const DIGITS: Partial<Record<AddressField, number>> = { cr_number: 10, building_number: 4, postal_code: 5 };

/** The value as sent: trimmed, Western digits for the numeric fields. */
export function normalized(field: AddressField, value: string): string {
  const trimmed = value.trim();
  return field in DIGITS ? toLatinDigits(trimmed) : trimmed;
}

/** "required", "digits" or null. */
export function problemOf(field: AddressField, value: string): "required" | "digits" | null {
  const text = normalized(field, value);
  if (!text) return "required";
  const digits = DIGITS[field];
  return digits && !new RegExp(`^\\d{${digits}}$`).test(text) ? "digits" : null;
}

export function digitsOf(field: AddressField): number | undefined {
  return DIGITS[field];
}

/** A one-time password from the Fatoora portal: 4 to 8 digits, in any digits. */
export function otpProblem(otp: string): boolean {
  return !/^\d{4,8}$/.test(toLatinDigits(otp.trim()));
}
