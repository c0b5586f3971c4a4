"""Gift card codes: 12 characters people read aloud and type from an SMS (no 0/O, 1/I/L), shown in
groups of four. Stored plain: the buyer and the recipient see theirs in their profile, and whoever
holds a code may spend it (like a paper voucher), so the check endpoint is throttled."""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12
_SEPARATORS = re.compile(r"[\s\-_]")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(value: str) -> str:
    """What was typed as stored: upper case, without spaces or dashes."""
    return _SEPARATORS.sub("", value or "").upper()


def display_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
