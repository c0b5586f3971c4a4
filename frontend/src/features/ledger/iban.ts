// Saudi IBANs as managers type them (ISO 13616): "SA" + 2 check digits + 2-digit bank code + 18 account
// characters, 24 in all, checked with the mod-97 check digits, like the API, before a code is asked for.
import { toLatinDigits } from "@/lib/phone";

export const SAUDI_IBAN_LENGTH = 24;

/** The compact upper-case form of what was typed: spaces, dashes and direction marks dropped, any digits. */
export function normalizeIban(text: string): string {
  return toLatinDigits(text)
    .replace(/[\s\-\u200e\u200f]+/g, "")
    .toUpperCase();
}

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
function checkDigitsHold(iban: string): boolean {
  let remainder = 0;
  for (const character of iban.slice(4) + iban.slice(0, 4)) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function isSaudiIban(text: string): boolean {
  const iban = normalizeIban(text);
  return /^SA\d{4}[0-9A-Z]{18}$/.test(iban) && checkDigitsHold(iban);
}

/** "SA03 8000 0000 6080 1016 7519": groups of four, as printed on bank documents. */
export function groupIban(text: string): string {
  return normalizeIban(text).replace(/(.{4})(?=.)/g, "$1 ");
}
