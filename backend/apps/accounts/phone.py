"""Phone numbers: parse anything a Saudi user types into E.164, or refuse it."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits to ASCII.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}


def ascii_digits(text: str) -> str:
    """`text` with Arabic-Indic digits replaced by ASCII ones (Arabic keyboards type ٠١٢…)."""
    return text.translate(_DIGITS)


def normalize_phone_number(raw: str) -> str:
    """Return the E.164 form of a valid mobile number of an allowed country.

    Raises `django.core.exceptions.ValidationError` with a translated message otherwise.
    """
    text = ascii_digits(raw or "").strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    invalid = ValidationError(_("Enter a valid Saudi mobile number, e.g. 05XXXXXXXX."), code="invalid_phone")
    if not text or len(text) > 32:
        raise invalid
    try:
        number = phonenumbers.parse(text, settings.PHONE_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        # "966501234567" without the plus: try once more as an international number.
        try:
            number = phonenumbers.parse("+" + text, None)
        except phonenumbers.NumberParseException:
            raise invalid from None
    if not phonenumbers.is_valid_number(number) and text.isdigit() and not text.startswith("0"):
        try:
            number = phonenumbers.parse("+" + text, None)
        except phonenumbers.NumberParseException:
            raise invalid from None
    if not phonenumbers.is_valid_number(number):
        raise invalid
    if phonenumbers.region_code_for_number(number) not in settings.PHONE_ALLOWED_REGIONS:
        raise ValidationError(_("Phone numbers from this country are not supported."), code="phone_country_not_allowed")
    if phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(_("Enter a mobile number, not a landline."), code="not_mobile")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def local_format(e164: str) -> str:
    """`+966501234567` -> `0501234567` (the format STC Pay expects)."""
    number = phonenumbers.parse(e164, None)
    return "0" + str(number.national_number)
