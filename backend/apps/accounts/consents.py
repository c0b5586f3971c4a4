"""A person's consent to be messaged, per purpose and channel (PDPL: separate, revocable choices,
kept with time, source and wording version).

- Booking messages (confirmations, changes, cancellations, payments and refunds) are part of the
  service while a booking exists: they need no consent and are always sent.
- Reminders are on by default on the channels the product sends by today (SMS and WhatsApp); email
  is off until the person turns it on (the product sends no email yet).
- Marketing is off by default on every channel.

Every choice is a new `ConsentChoice` row (never updated or deleted); the current consent is the
latest choice per (purpose, channel), else the default. `consent_state` reads it in one query.
"""

import unicodedata
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import ConsentChannel, ConsentChoice, ConsentPurpose, ConsentSource, User
from .phone import normalize_phone_number

PURPOSES: tuple[str, ...] = tuple(ConsentPurpose.values)
CHANNELS: tuple[str, ...] = tuple(ConsentChannel.values)
DEFAULTS: dict[str, dict[str, bool]] = {
    ConsentPurpose.REMINDERS: {ConsentChannel.SMS: True, ConsentChannel.WHATSAPP: True, ConsentChannel.EMAIL: False},
    ConsentPurpose.MARKETING: {ConsentChannel.SMS: False, ConsentChannel.WHATSAPP: False, ConsentChannel.EMAIL: False},
}
ConsentState = dict[str, dict[str, bool]]


def wording_version() -> str:
    return settings.CONSENT_WORDING_VERSION


# --- Selectors ----------------------------------------------------------------------------------


def consent_state(*, user: User) -> ConsentState:
    """{purpose: {channel: bool}}: each latest choice, else the default; one query."""
    state = {purpose: dict(channels) for purpose, channels in DEFAULTS.items()}
    seen: set[tuple[str, str]] = set()
    rows = ConsentChoice.objects.filter(user=user).order_by("-at", "-id").values_list("purpose", "channel", "granted")
    for purpose, channel, granted in rows:
        if (purpose, channel) not in seen and purpose in state and channel in state[purpose]:
            seen.add((purpose, channel))
            state[purpose][channel] = granted
    return state


def consent_allows(user: User | int, purpose: str, channel: str) -> bool:
    """Whether the person may be sent `purpose` messages on `channel` now; one query. A channel the
    consent does not know (the in-app inbox) is not consent-based: allowed."""
    if purpose not in DEFAULTS or channel not in DEFAULTS[purpose]:
        return True
    user_id = user if isinstance(user, int) else user.pk
    latest = (
        ConsentChoice.objects.filter(user_id=user_id, purpose=purpose, channel=channel)
        .order_by("-at", "-id")
        .values_list("granted", flat=True)
        .first()
    )
    return DEFAULTS[purpose][channel] if latest is None else latest


def consent_history(*, user: User) -> list[ConsentChoice]:
    """The person's choices, newest first."""
    return list(ConsentChoice.objects.filter(user=user).order_by("-at", "-id"))


def consent_history_for_export(user: User) -> dict:
    """The person's consents for their data export (PDPL access right): the current state and every
    choice, as plain JSON-ready values."""
    return {
        "current": consent_state(user=user),
        "wording_version": wording_version(),
        "history": [
            {
                "purpose": choice.purpose,
                "channel": choice.channel,
                "granted": choice.granted,
                "at": choice.at.isoformat(),
                "source": choice.source,
                "wording_version": choice.wording_version,
            }
            for choice in consent_history(user=user)
        ],
    }


# --- Services -----------------------------------------------------------------------------------


def consent_update(*, user: User, changes: Mapping[str, Mapping[str, bool]], source: str) -> list[ConsentChoice]:
    """Record the person's new choices (a partial {purpose: {channel: bool}}, already validated): one
    row per choice that differs from the current state; returns the rows written. The person's row is
    locked so two concurrent updates cannot both see the old state."""
    if source not in ConsentSource.values:
        raise ValueError(f"Unknown consent source {source!r}")
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        current = consent_state(user=user)
        now = timezone.now()
        rows = [
            ConsentChoice(
                user=user,
                purpose=purpose,
                channel=channel,
                granted=granted,
                at=now,
                source=source,
                wording_version=wording_version(),
            )
            for purpose, channels in changes.items()
            for channel, granted in channels.items()
            if current[purpose][channel] != granted
        ]
        return ConsentChoice.objects.bulk_create(rows)


def consent_withdraw(*, user: User, channels: Iterable[str], source: str) -> list[ConsentChoice]:
    """Withdraw reminders and marketing on `channels` (a reply keyword's unsubscribe)."""
    return consent_update(
        user=user, changes={purpose: dict.fromkeys(channels, False) for purpose in PURPOSES}, source=source
    )


# --- Reply keywords -----------------------------------------------------------------------------

# Alef forms with hamza or madda read as a bare alef, so إيقاف, ايقاف and أيقاف are one word.
_ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None})
STOP_KEYWORDS = frozenset({"stop", "stopall", "unsubscribe", "ايقاف", "الغاء الاشتراك"})


def is_stop_keyword(text: str) -> bool:
    """Whether an inbound reply asks to stop messages: trimmed, case- and hamza-insensitive, Arabic
    diacritics and surrounding punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    bare = unicodedata.normalize("NFC", bare).translate(_ALEF_FORMS)
    words = bare.strip().strip(".!،,؛;:-–— \t\r\n").casefold().split()
    return " ".join(words) in STOP_KEYWORDS


def consent_reply_keyword(*, phone_number: str, text: str, channel: str) -> bool:
    """An inbound reply from `phone_number` by `channel` (sms or whatsapp): a stop keyword withdraws
    reminders and marketing on SMS (and on WhatsApp when the reply came by WhatsApp) for the person
    with that number. Anything else, or an unknown number, changes nothing. Returns whether it did."""
    if not is_stop_keyword(text):
        return False
    try:
        phone_number = normalize_phone_number(phone_number)
    except ValidationError:
        return False
    user = User.objects.filter(phone_number=phone_number).first()
    if user is None:
        return False
    channels = [ConsentChannel.SMS] + ([ConsentChannel.WHATSAPP] if channel == ConsentChannel.WHATSAPP else [])
    return bool(consent_withdraw(user=user, channels=channels, source=ConsentSource.SMS_KEYWORD))
