"""Whether a person gets email from us, and the two ways it stops: their unsubscribe, the mail
provider's bounce or complaint.

Email goes only to a verified address that no bounce or complaint marked undeliverable. Customers get
booking messages there unless they unsubscribed (`booking_emails`); reminders by email also need the
reminders consent on email (off by default, `apps.accounts.consents`). Managers get tomorrow's bookings
by email only if they opted in (`daily_agenda_by_email`).

Unsubscribing from booking emails (the link in every booking email, or the one-click header) turns
`booking_emails` off and withdraws reminders and marketing on email; SMS, WhatsApp and the inbox are
unaffected. Unsubscribing from the daily summary turns `daily_agenda_by_email` off. Both are turned
back on in the profile.
"""

import logging

from django.db import transaction

from .consents import consent_withdraw
from .models import ConsentChannel, ConsentSource, User

logger = logging.getLogger(__name__)

BOOKING_EMAILS = "booking"
AGENDA_EMAILS = "agenda"
EMAIL_LISTS = (BOOKING_EMAILS, AGENDA_EMAILS)


def email_deliverable(user: User) -> bool:
    """Whether the person has an address we may mail at all."""
    return bool(user.is_active and user.email and user.email_verified and not user.email_undeliverable)


def email_wanted(user: User, email_list: str) -> bool:
    """Whether the person may be mailed messages of `email_list` now (consent for reminders aside)."""
    if not email_deliverable(user):
        return False
    return user.booking_emails if email_list == BOOKING_EMAILS else user.daily_agenda_by_email


def email_unsubscribe(*, user_id: int, email_list: str) -> bool:
    """Stop the person's emails of `email_list` (see the module's docstring); returns whether they
    were still subscribed. Idempotent."""
    if email_list not in EMAIL_LISTS:
        raise ValueError(f"Unknown email list {email_list!r}")
    field = "booking_emails" if email_list == BOOKING_EMAILS else "daily_agenda_by_email"
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return False
        was_subscribed = getattr(user, field)
        if was_subscribed:
            setattr(user, field, False)
            user.save(update_fields=[field])
        if email_list == BOOKING_EMAILS:
            consent_withdraw(user=user, channels=[ConsentChannel.EMAIL], source=ConsentSource.EMAIL_LINK)
    logger.info("User %s unsubscribed from %s emails", user_id, email_list)
    return was_subscribed


def email_mark_undeliverable(*, email: str) -> int:
    """Mark every account whose verified address is `email` (any letter case) undeliverable: no more
    email goes there until the person verifies it again. Returns how many were newly marked."""
    with transaction.atomic():
        return User.objects.filter(email__iexact=email.strip(), email_verified=True, email_undeliverable=False).update(
            email_undeliverable=True
        )
