"""Phone numbers as staff lists show them: enough to tell customers apart, not enough to call them."""

MASK = "•"
SAUDI_PREFIX = "+966"
SHOWN_AT_END = 3


def mask_phone_number(phone_number: str) -> str:
    """`+966512345678` → `+9665•••••678`: the country code and the first digit after it (the 5 of a Saudi mobile)
    stay, then one `•` per hidden digit, then the last three digits. Another country's number keeps its first
    three characters (e.g. `+97`); anything too short to mask is hidden entirely. Empty stays empty."""
    if not phone_number:
        return ""
    shown_at_start = len(SAUDI_PREFIX) + 1 if phone_number.startswith(SAUDI_PREFIX) else 3
    hidden = len(phone_number) - shown_at_start - SHOWN_AT_END
    if hidden < 3:
        return MASK * len(phone_number)
    return phone_number[:shown_at_start] + MASK * hidden + phone_number[-SHOWN_AT_END:]


def is_masked(phone_number: str | None) -> bool:
    return bool(phone_number) and MASK in phone_number
