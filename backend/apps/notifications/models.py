"""The notification outbox and in-app inbox: one row per message to one person.

Rows are inserted inside the transaction that caused them (so they commit or roll back with it)
and sent after commit; the unique key (booking, recipient, event, occurrence) makes every send
idempotent (for messages about no booking, such as tomorrow's bookings of a salon: recipient, event and
occurrence). A salon member who turned SMS alerts off gets the salon's alerts in the inbox only. An email copy
(`Channel.EMAIL`) is a row of its own under the same key, sent, retried and recorded like the others.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import Language


class NotificationEvent(models.TextChoices):
    CREATED = "created", _("Booking created")
    CONFIRMED = "confirmed", _("Booking confirmed")
    CANCELLED = "cancelled", _("Booking cancelled")
    RESCHEDULED = "rescheduled", _("Booking rescheduled")
    EXPIRED = "expired", _("Booking not confirmed in time")
    REMINDER = "reminder", _("Reminder")
    PAYMENT_RECEIVED = "payment_received", _("Payment received")
    REFUND_ISSUED = "refund_issued", _("Refund issued")
    STAFF_ADDED = "staff_added", _("Added to a salon's team")
    DAILY_AGENDA = "daily_agenda", _("Tomorrow's bookings")
    CALENDAR_DISCONNECTED = "calendar_disconnected", _("Google Calendar disconnected")
    CALENDAR_CONFLICT = "calendar_conflict", _("Calendar event overlaps a booking")
    ZATCA_CERTIFICATE_EXPIRING = "zatca_certificate_expiring", _("E-invoicing certificate expiring")
    ZATCA_UNIT_FAILED = "zatca_unit_failed", _("E-invoicing unit needs attention")


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    # A salon member who chose not to get the salon's alerts by SMS: the message is only in the inbox.
    INBOX = "inbox", _("In the app only")
    # A copy by email beside the message above (customers with a verified address, managers' daily
    # summary): a row of its own, never shown in the inbox.
    EMAIL = "email", _("Email")


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")


# What the inbox shows: everything but messages skipped on the way out (an outdated reminder never
# reached anyone); a message meant for the inbox only is skipped by the sender, yet it is there.
IN_INBOX = (~Q(status=NotificationStatus.SKIPPED) | Q(channel=Channel.INBOX)) & ~Q(channel=Channel.EMAIL)
BY_EMAIL = Q(channel=Channel.EMAIL)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    booking = models.ForeignKey(
        "bookings.Booking",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("booking"),
    )
    event = models.CharField(_("event"), max_length=32, choices=NotificationEvent.choices)
    occurrence = models.CharField(
        _("occurrence"),
        max_length=64,
        blank=True,
        default="",
        help_text=_(
            "Tells apart repeated events of one booking: the new start of a reschedule or reminder, "
            "the payment or refund id; empty for one-off events. Without a booking (tomorrow's bookings): "
            "the salon and the date."
        ),
    )
    template = models.CharField(_("template"), max_length=48)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    body = models.TextField(_("message"))
    channel = models.CharField(_("requested channel"), max_length=16, choices=Channel.choices)
    channel_used = models.CharField(
        _("channel used"),
        max_length=16,
        choices=Channel.choices,
        blank=True,
        help_text=_("Differs from the requested channel when the provider fell back to SMS."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    provider = models.CharField(_("provider"), max_length=32, blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=128, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_at = models.DateTimeField(
        _("claimed at"), null=True, blank=True, help_text=_("When a sender took the message for delivery.")
    )
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["recipient", "-created_at"]),
        ]
        # The same keys once for the message (SMS, WhatsApp or inbox) and once for its email copy.
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "recipient", "event", "occurrence"],
                condition=~BY_EMAIL,
                name="notification_once_per_occurrence",
            ),
            # A NULL booking never equals another in the key above.
            models.UniqueConstraint(
                fields=["recipient", "event", "occurrence"],
                condition=Q(booking__isnull=True) & ~BY_EMAIL,
                name="notification_once_per_occurrence_without_booking",
            ),
            models.UniqueConstraint(
                fields=["booking", "recipient", "event", "occurrence"],
                condition=BY_EMAIL,
                name="notification_email_once_per_occurrence",
            ),
            models.UniqueConstraint(
                fields=["recipient", "event", "occurrence"],
                condition=Q(booking__isnull=True) & BY_EMAIL,
                name="notification_email_once_per_occurrence_without_booking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} – {self.get_status_display()}"

    @property
    def fell_back(self) -> bool:
        return bool(self.channel_used) and self.channel_used != self.channel
