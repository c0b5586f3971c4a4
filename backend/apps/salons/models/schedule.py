"""When the staff work: weekly hours, dates with special hours, time off (local wall-clock times in
the salon's time zone)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .catalog import StaffMember


class Weekday(models.IntegerChoices):
    """Python's `date.weekday()` numbering; the Saudi week starts on Sunday."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WorkingHours(models.Model):
    """A weekly working interval. An end at or before the start means the shift ends after
    midnight and still belongs to the day it started (a Ramadan evening 20:00–02:00)."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="working_hours", verbose_name=_("staff member")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"), help_text=_("An end at or before the start means after midnight."))

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["staff", "weekday", "start_time"]
        indexes = [models.Index(fields=["staff", "weekday"])]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        # Overlaps with the staff member's other intervals are checked across all submitted rows
        # together (apps.salons.forms), since rows saved so far may be about to change.
        super().clean()
        if self.start_time is not None and self.start_time == self.end_time:
            raise ValidationError({"end_time": _("An interval cannot start and end at the same time.")})


class SpecialHours(models.Model):
    """Hours for one date that replace the weekday's hours (Eid, Ramadan, national day).
    A row without start and end means the staff member does not work that date."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="special_hours", verbose_name=_("staff member")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(
        _("end"), null=True, blank=True, help_text=_("An end at or before the start means after midnight.")
    )
    note = models.CharField(_("note"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("special hours")
        verbose_name_plural = _("special hours")
        ordering = ["staff", "date", "start_time"]
        indexes = [models.Index(fields=["staff", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True, end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__isnull=False),
                name="special_hours_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        if self.is_closed:
            return f"{self.date} ({_('day off')})"
        return f"{self.date} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def is_closed(self) -> bool:
        return self.start_time is None and self.end_time is None

    def clean(self):
        # Conflicts with the same date's other rows are checked across all submitted rows together
        # (apps.salons.forms).
        super().clean()
        if (self.start_time is None) != (self.end_time is None):
            raise ValidationError(
                _("Give both a start and an end, or neither for a day off."), code="incomplete_interval"
            )
        if self.start_time is not None and self.start_time == self.end_time:
            raise ValidationError({"end_time": _("An interval cannot start and end at the same time.")})


class TimeOffSource(models.TextChoices):
    MANUAL = "manual", _("Entered in the back office")
    GOOGLE = "google", _("Google Calendar")


class TimeOff(models.Model):
    """A range of time a staff member is away (vacation, a doctor's appointment). Rows from an outside
    calendar (`source` other than manual) carry the event's id there and are written only by that
    calendar's sync (`services.time_off_sync_external`)."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="time_off", verbose_name=_("staff member")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=16, choices=TimeOffSource.choices, default=TimeOffSource.MANUAL)
    external_id = models.CharField(_("id in the outside calendar"), max_length=1024, blank=True, default="")

    class Meta:
        verbose_name = _("time off")
        verbose_name_plural = _("time off")
        ordering = ["staff", "start"]
        indexes = [models.Index(fields=["staff", "start", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="time_off_end_after_start"),
            models.UniqueConstraint(
                fields=["staff", "source", "external_id"],
                condition=~Q(source="manual"),
                name="time_off_once_per_external_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff.display_name}: {self.start:%Y-%m-%d %H:%M} – {self.end:%Y-%m-%d %H:%M}"

    @property
    def is_external(self) -> bool:
        return self.source != TimeOffSource.MANUAL

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
