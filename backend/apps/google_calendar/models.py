"""A stylist's Google Calendar connection, its OAuth attempts, the outbox of booking changes to write
to the calendar, the events written, and the busy events that overlap a booking (flagged to managers).

Tokens are stored encrypted (`crypto.py`); the busy time read from Google is `apps.salons` `TimeOff`
with `source=google`, so the availability engine needs no knowledge of this app.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConnectionStatus(models.TextChoices):
    CONNECTED = "connected", _("Connected")
    DISCONNECTED = "disconnected", _("Disconnected")


class GoogleConnection(models.Model):
    staff = models.OneToOneField(
        "salons.StaffMember", on_delete=models.CASCADE, related_name="google_calendar", verbose_name=_("staff member")
    )
    connected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=ConnectionStatus.choices)
    # Bumped at every new connection: part of the event ids we create, so a reconnection never
    # collides with the events of an earlier one.
    generation = models.PositiveIntegerField(_("generation"), default=1)
    access_token = models.TextField(_("access token (encrypted)"), blank=True)
    refresh_token = models.TextField(_("refresh token (encrypted)"), blank=True)
    token_expires_at = models.DateTimeField(_("access token expires at"), null=True, blank=True)
    scopes = models.CharField(_("scopes"), max_length=500, blank=True)
    calendar_id = models.CharField(_("calendar id"), max_length=1024, blank=True)
    calendar_name = models.CharField(_("calendar name"), max_length=255, blank=True)
    sync_token = models.TextField(_("sync token"), blank=True)
    last_synced_at = models.DateTimeField(_("last synced at"), null=True, blank=True)
    # A sync in progress holds this lease (one server at a time per connection, no long transaction).
    sync_lease_until = models.DateTimeField(_("sync lease until"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    channel_id = models.CharField(_("push channel id"), max_length=64, blank=True, db_index=True)
    channel_resource_id = models.CharField(_("push channel resource id"), max_length=255, blank=True)
    channel_token = models.CharField(_("push channel token"), max_length=128, blank=True)
    channel_expires_at = models.DateTimeField(_("push channel expires at"), null=True, blank=True)
    connected_at = models.DateTimeField(_("connected at"), null=True, blank=True)
    disconnected_at = models.DateTimeField(_("disconnected at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Google Calendar connection")
        verbose_name_plural = _("Google Calendar connections")

    def __str__(self) -> str:
        return f"{self.staff_id}: {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status == ConnectionStatus.CONNECTED and bool(self.calendar_id)


class OAuthAttempt(models.Model):
    """One authorization request: its state (single use, bound to the user who started it and the
    stylist it is for) and its PKCE verifier, kept server side."""

    state = models.CharField(_("state"), max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey("salons.StaffMember", on_delete=models.CASCADE, related_name="+")
    code_verifier = models.CharField(_("PKCE verifier"), max_length=128)
    return_path = models.CharField(_("SPA path to return to"), max_length=200, default="/")
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Google authorization attempt")
        verbose_name_plural = _("Google authorization attempts")

    def __str__(self) -> str:
        return f"{self.staff_id}: {self.created_at:%Y-%m-%d %H:%M}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Failed")


class CalendarChange(models.Model):
    """The outbox: one row per booking change to write to one connected calendar. `key` makes it
    exactly once (`event:<BookingEvent id>:<connection id>`, or `backfill:<generation>:<booking id>`).
    The sender writes the booking's state at send time, so rows of one booking are interchangeable and
    are never sent by two senders at once."""

    key = models.CharField(_("idempotency key"), max_length=80, unique=True)
    connection = models.ForeignKey(GoogleConnection, on_delete=models.CASCADE, related_name="changes")
    booking = models.ForeignKey("bookings.Booking", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")
        indexes = [models.Index(fields=["status", "next_attempt_at"]), models.Index(fields=["booking", "status"])]

    def __str__(self) -> str:
        return self.key


class EventLink(models.Model):
    """The Google event that shows a booking in a connected calendar."""

    connection = models.ForeignKey(GoogleConnection, on_delete=models.CASCADE, related_name="event_links")
    booking = models.ForeignKey("bookings.Booking", on_delete=models.CASCADE, related_name="+")
    google_event_id = models.CharField(_("Google event id"), max_length=1024)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar event")
        verbose_name_plural = _("calendar events")
        constraints = [models.UniqueConstraint(fields=["connection", "booking"], name="event_link_once")]

    def __str__(self) -> str:
        return self.google_event_id


class BusyConflict(models.Model):
    """A busy event from the stylist's calendar that overlaps a booking: shown to the salon's managers
    until resolved (the booking moved or cancelled, or the event gone)."""

    time_off = models.ForeignKey("salons.TimeOff", on_delete=models.CASCADE, related_name="+")
    booking = models.ForeignKey("bookings.Booking", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar conflict")
        verbose_name_plural = _("calendar conflicts")
        constraints = [models.UniqueConstraint(fields=["time_off", "booking"], name="busy_conflict_once")]

    def __str__(self) -> str:
        return f"{self.time_off_id} × {self.booking_id}"


class FakeCalendarEvent(models.Model):
    """Development and tests only: the fake provider's calendars, in the database so the web process
    and the commands see the same ones. `revision` orders changes for its sync tokens."""

    calendar_id = models.CharField(max_length=255)
    event_id = models.CharField(max_length=1024)
    body = models.JSONField(default=dict)
    revision = models.BigIntegerField(default=0, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["calendar_id", "event_id"], name="fake_event_once")]

    def __str__(self) -> str:
        return f"{self.calendar_id}/{self.event_id}"
