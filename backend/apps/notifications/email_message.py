"""A notification as an email: a subject, a plain-text part (the message's text, the link and the
unsubscribe line), an HTML part (Django template, inline styles for mail clients, `lang` and `dir` of
the recipient's language: right to left in Arabic), the booking as an `.ics` invitation, and the
headers mail clients and providers read (`List-Unsubscribe`, `List-Unsubscribe-Post`, a `Message-ID`
derived from the row so a retry is recognisable as the same message)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from apps.accounts.email_delivery import AGENDA_EMAILS, BOOKING_EMAILS
from apps.accounts.models import Language
from apps.salons.models import Salon

from .email_ics import booking_for_ics, booking_ics
from .email_unsubscribe import unsubscribe_one_click_url, unsubscribe_page_url, unsubscribe_token
from .models import Notification, NotificationEvent

VIEW_BOOKING = _("View your booking")
OPEN_BACK_OFFICE = _("Open the back office")
WHY_BOOKING = _("You receive this email because you have a booking at a salon through our app.")
WHY_AGENDA = _("You receive this email because you asked for tomorrow's bookings by email.")
UNSUBSCRIBE = _("Unsubscribe")
ICS_NAME = "booking.ics"
# An unpaid prepayment hold is not a booking yet and lapses without a message: an invitation would stay
# in the customer's calendar. Its confirmation, once paid, carries the invitation.
NO_INVITATION = frozenset({"customer_created_hold"})


def message_id(notification: Notification) -> str:
    return f"<notification-{notification.pk}@{urlsplit(settings.FRONTEND_URL).hostname}>"


def notification_email(notification: Notification, *, to: str) -> EmailMultiAlternatives:
    """The email of an outbox row whose channel is email, addressed to `to`."""
    language = notification.language if notification.language in Language.values else Language.ARABIC
    is_agenda = notification.event == NotificationEvent.DAILY_AGENDA
    booking = None if is_agenda else booking_for_ics(notification.booking_id)
    token = unsubscribe_token(
        user_id=notification.recipient_id, email_list=AGENDA_EMAILS if is_agenda else BOOKING_EMAILS
    )
    with translation.override(language):
        place = _salon_name(notification) if is_agenda else (booking.salon.name if booking else "")
        subject = f"{notification.get_event_display()} · {place}" if place else str(notification.get_event_display())
        context = {
            "language": language,
            "direction": "rtl" if language == Language.ARABIC else "ltr",
            "align": "right" if language == Language.ARABIC else "left",
            "subject": subject,
            "lines": [line for line in notification.body.splitlines() if line.strip()],
            "action_label": str(OPEN_BACK_OFFICE if is_agenda else VIEW_BOOKING),
            "action_url": f"{settings.FRONTEND_URL}/manage"
            if is_agenda
            else f"{settings.FRONTEND_URL}/bookings/{notification.booking_id}",
            "why": str(WHY_AGENDA if is_agenda else WHY_BOOKING),
            "unsubscribe_label": str(UNSUBSCRIBE),
            "unsubscribe_url": unsubscribe_page_url(token),
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        headers={
            "Message-ID": message_id(notification),
            "List-Unsubscribe": f"<{unsubscribe_one_click_url(token)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    email.attach_alternative(html, "text/html")
    if booking is not None and notification.template not in NO_INVITATION:
        method, ics = booking_ics(booking, language=language)
        email.attach(ICS_NAME, ics, f"text/calendar; method={method}; charset=utf-8")
    return email


def _salon_name(notification: Notification) -> str:
    """The salon of tomorrow's bookings (its id opens the occurrence, "<salon id>:<date>")."""
    salon_id = notification.occurrence.partition(":")[0]
    salon = Salon.objects.filter(pk=int(salon_id)).first() if salon_id.isdigit() else None
    return salon.name if salon else ""
