import { toLatinDigits } from "@/lib/phone";

export function digitsOnly(value: string): string {
  return toLatinDigits(value).replace(/\D/g, "");
}

/** "4201320111111010" → "4201 3201 1111 1010" while typing. */
export function formatCardNumber(value: string): string {
  return digitsOnly(value)
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** The Luhn checksum every card number (mada, Visa, Mastercard) satisfies. */
export function isValidCardNumber(value: string): boolean {
  const digits = digitsOnly(value);
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "MM/YY" → month and four-digit year, or null when malformed or in the past. */
export function parseExpiry(value: string, now: Date = new Date()): { month: string; year: string } | null {
  const digits = digitsOnly(value);
  if (digits.length !== 4) return null;
  const month = Number(digits.slice(0, 2));
  const year = 2000 + Number(digits.slice(2));
  if (month < 1 || month > 12) return null;
  const endOfMonth = new Date(Date.UTC(year, month, 1));
  if (endOfMonth.getTime() <= now.getTime()) return null;
  return { month: String(month).padStart(2, "0"), year: String(year) };
}

/** "1226" → "12/26" while typing. */
export function formatExpiry(value: string): string {
  const digits = digitsOnly(value).slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}
