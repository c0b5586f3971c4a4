// Saudi mobile numbers as people type them: 05…, 5…, +9665…, 009665…, with Western,
// Arabic-Indic (٠١٢…) or Persian (۰۱۲…) digits, spaces and dashes.

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

export function toLatinDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - base);
  });
}

/** Keeps what a phone field may contain: digits (any script, as Latin) and a leading +. */
export function cleanPhoneInput(value: string): string {
  const latin = toLatinDigits(value).replace(/[^\d+]/g, "");
  return latin.startsWith("+") ? `+${latin.slice(1).replace(/\+/g, "")}` : latin.replace(/\+/g, "");
}

/** The national form 05XXXXXXXX of a Saudi mobile number, or null when it is not one. */
export function toSaudiMobile(value: string): string | null {
  const digits = cleanPhoneInput(value);
  const match = /^(?:\+966|00966|966|0)?(5\d{8})$/.exec(digits);
  return match ? `0${match[1]}` : null;
}

/**
 * A Saudi number in E.164 the way it is written at home, for display (always left-to-right, the
 * `tel:` link keeps the E.164 form): mobiles "+966500000001" → "050 000 0001", landlines
 * "+966112106677" → "011 210 6677", unified numbers "+966920012345" → "9200 12345", toll-free
 * "+966800…" → "800 123 4567". Anything else is shown as given.
 */
export function formatPhoneForDisplay(e164: string): string {
  const mobile = toSaudiMobile(e164);
  if (mobile) return `${mobile.slice(0, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6)}`;
  const national = /^(?:\+966|00966)(\d+)$/.exec(cleanPhoneInput(e164))?.[1];
  if (!national) return e164;
  // Area codes 011 (Riyadh), 012, 013, 014, 016, 017.
  if (/^1[1-46-7]\d{7}$/.test(national)) return `0${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5)}`;
  if (/^9200\d{5}$/.test(national)) return `${national.slice(0, 4)} ${national.slice(4)}`;
  if (/^800\d{7}$/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  return e164;
}

/** A number the API masked for least privilege ("+9665•••••123"): shown as is, never dialled. */
export function isMaskedPhone(value: string): boolean {
  return value.includes("•");
}
