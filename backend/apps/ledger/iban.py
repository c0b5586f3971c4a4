"""Saudi IBANs (ISO 13616): `SA`, two check digits, a two-digit bank code and 18 account characters,
24 in all, validated with python-stdnum (the country's format and the mod-97 check digits). Input is
forgiving (spaces, dashes, lower case, Arabic-Indic digits); what is stored is the compact form. The
full IBAN never leaves the API: only its masked form (`SA03 **** **** **** **** 7519`)."""

import re

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumValidationError

from apps.accounts.phone import ascii_digits

from .errors import InvalidIban

SAUDI_IBAN_LENGTH = 24
_SEPARATORS = re.compile(r"[\s\-\u200e\u200f]+")


def iban_normalize(value: str) -> str:
    """The compact upper-case form of what was typed (not yet validated)."""
    return _SEPARATORS.sub("", ascii_digits(str(value or ""))).upper()


def iban_is_valid(value: str) -> bool:
    compact = iban_normalize(value)
    if len(compact) != SAUDI_IBAN_LENGTH or not compact.startswith("SA"):
        return False
    try:
        stdnum_iban.validate(compact)
    except StdnumValidationError:
        return False
    return True


def iban_clean(value: str) -> str:
    """The compact form of a valid Saudi IBAN; raises InvalidIban (400, a field error on `iban`)."""
    if not iban_is_valid(value):
        raise InvalidIban()
    return iban_normalize(value)


def iban_mask(value: str) -> str:
    """`SA03 **** **** **** **** 7519`: the country, the check digits and the last four characters."""
    compact = iban_normalize(value)
    if not compact:
        return ""
    hidden = max(len(compact) - 8, 0)
    groups = ["****"] * (hidden // 4) + (["*" * (hidden % 4)] if hidden % 4 else [])
    return " ".join([compact[:4], *groups, compact[-4:]])
