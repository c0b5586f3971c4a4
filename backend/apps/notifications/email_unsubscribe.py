"""Unsubscribe links in our emails: a signed token (Django signing, the secret key and its own salt)
naming the person and the list (`booking` or `agenda`, `apps.accounts.email_delivery`), so no sign-in
is needed. It does not expire: an unsubscribe link must keep working as long as the email is read.

Each email carries the link twice: in its text (the SPA's page `/email/unsubscribe?token=…`, which asks
for a click before anything changes, so a mail scanner following links unsubscribes nobody) and in the
`List-Unsubscribe` header with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): the mail
client POSTs `List-Unsubscribe=One-Click` to `/api/notifications/unsubscribe/?token=…`.
"""

from django.conf import settings
from django.core import signing

from apps.accounts.email_delivery import EMAIL_LISTS, email_unsubscribe

from .errors import UnsubscribeLinkInvalid

SALT = "notifications.email-unsubscribe"


def unsubscribe_token(*, user_id: int, email_list: str) -> str:
    return signing.dumps({"u": user_id, "l": email_list}, salt=SALT)


def unsubscribe_page_url(token: str) -> str:
    return f"{settings.FRONTEND_URL}/email/unsubscribe?token={token}"


def unsubscribe_one_click_url(token: str) -> str:
    return f"{settings.FRONTEND_URL}/api/notifications/unsubscribe/?token={token}"


def notification_email_unsubscribe(*, token: str) -> str:
    """Unsubscribe the person a token names from its list; returns the list. Raises
    UnsubscribeLinkInvalid for a token we did not sign. Idempotent."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise UnsubscribeLinkInvalid() from None
    user_id, email_list = (payload.get("u"), payload.get("l")) if isinstance(payload, dict) else (None, None)
    if not isinstance(user_id, int) or email_list not in EMAIL_LISTS:
        raise UnsubscribeLinkInvalid()
    email_unsubscribe(user_id=user_id, email_list=email_list)
    return email_list
