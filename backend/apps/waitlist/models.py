"""The waitlist: a customer's wish for a time at a salon (`WaitlistEntry`) and each time held for them
when one freed up (`WaitlistOffer`, one pending booking each). See ADR 0015.

The database keeps the rules that order and slots depend on: one active entry per customer for the
same salon, service, stylist and window; at most one open offer per entry; one offer per booking
(and the bookings' exclusion constraints let one held booking only hold a slot).
"""

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from apps.bookings.models import Booking
from apps.salons.models import Salon, Service, StaffMember


class EntryStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Offered a time")
    BOOKED = "booked", _("Booked")
    LEFT = "left", _("Left the waitlist")
    EXPIRED = "expired", _("Expired")


ACTIVE_STATUSES = (EntryStatus.WAITING, EntryStatus.OFFERED)


class OfferOutcome(models.TextChoices):
    OPEN = "open", _("Open")
    BOOKED = "booked", _("Booked")
    DECLINED = "declined", _("Declined")
    LAPSED = "lapsed", _("Lapsed")


class WaitlistEntry(models.Model):
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="waitlist_entries",
        verbose_name=_("customer"),
    )
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="+", verbose_name=_("salon"))
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+", verbose_name=_("service"))
    staff = models.ForeignKey(
        StaffMember,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stylist"),
        help_text=_("Empty: any stylist who offers the service."),
    )
    date_from = models.DateField(_("from date"))
    date_to = models.DateField(_("to date"))
    time_from = models.TimeField(_("from time of day"), null=True, blank=True)
    time_to = models.TimeField(
        _("to time of day"), null=True, blank=True, help_text=_("Empty times: any time of the day.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EntryStatus.choices, default=EntryStatus.WAITING, db_index=True
    )
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("waitlist entry")
        verbose_name_plural = _("waitlist entries")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["salon", "status", "created_at"], name="waitlist_salon_line")]
        constraints = [
            models.CheckConstraint(condition=Q(date_to__gte=F("date_from")), name="waitlist_dates_in_order"),
            models.CheckConstraint(
                condition=(Q(time_from__isnull=True) & Q(time_to__isnull=True))
                | (Q(time_from__isnull=False) & Q(time_to__gt=F("time_from"))),
                name="waitlist_times_in_order",
            ),
            # NULLs never equal one another in a unique index: compare them as 0 and midnight.
            models.UniqueConstraint(
                F("customer"),
                F("salon"),
                F("service"),
                Coalesce(F("staff"), Value(0)),
                F("date_from"),
                F("date_to"),
                Coalesce(F("time_from"), Value(time(0, 0))),
                Coalesce(F("time_to"), Value(time(0, 0))),
                condition=Q(status__in=ACTIVE_STATUSES),
                name="waitlist_entry_once_while_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.customer_id} @ {self.salon_id}/{self.service_id} {self.date_from}–{self.date_to}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class WaitlistOffer(models.Model):
    """A freed time held for an entry's customer as a pending booking, until `expires_at`."""

    entry = models.ForeignKey(
        WaitlistEntry, on_delete=models.CASCADE, related_name="offers", verbose_name=_("waitlist entry")
    )
    booking = models.OneToOneField(
        Booking, on_delete=models.CASCADE, related_name="waitlist_offer", verbose_name=_("held booking")
    )
    start = models.DateTimeField(_("start"))
    expires_at = models.DateTimeField(_("held until"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=OfferOutcome.choices, default=OfferOutcome.OPEN)
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("waitlist offer")
        verbose_name_plural = _("waitlist offers")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=Q(outcome="open"), name="waitlist_one_open_offer_per_entry"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.booking_id} ({self.outcome})"
