"""Admin forms and inline formsets for the catalog.

A model's `clean()` only compares a row with the rows already saved, so the inline
formsets below also check the rows submitted together on one staff member's page.
"""

from collections import defaultdict
from datetime import date, time

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .hours import overnight_overlaps, validate_interval_list
from .models import StaffMember, Weekday


def _saudi_week_position(weekday: int) -> int:
    """Sunday first, as the Saudi week is read."""
    return (weekday + 1) % 7


class _IntervalFormSet(BaseInlineFormSet):
    def _submitted_rows(self):
        """The cleaned data of the rows that will be kept and have no errors of their own."""
        for form in self.forms:
            if form.errors or not form.cleaned_data or self._should_delete_form(form):
                continue
            yield form.cleaned_data


class WorkingHoursInlineFormSet(_IntervalFormSet):
    """Rejects empty and overlapping intervals on the same weekday."""

    def clean(self):
        super().clean()
        intervals_by_weekday: dict[int, list[tuple[time, time]]] = defaultdict(list)
        for row in self._submitted_rows():
            intervals_by_weekday[row["weekday"]].append((row["start_time"], row["end_time"]))
        errors = []
        for weekday in sorted(intervals_by_weekday, key=_saudi_week_position):
            try:
                validate_interval_list(intervals_by_weekday[weekday])
            except ValidationError as exc:
                errors.append(
                    ValidationError(
                        _("%(day)s: %(problem)s"),
                        code=exc.code,
                        params={"day": Weekday(weekday).label, "problem": " ".join(exc.messages)},
                    )
                )
        for weekday in sorted(overnight_overlaps(intervals_by_weekday), key=_saudi_week_position):
            errors.append(
                ValidationError(
                    _("%(day)s: the hours overlap the previous day's shift after midnight."),
                    code="overlapping_overnight",
                    params={"day": Weekday(weekday).label},
                )
            )
        if errors:
            raise ValidationError(errors)


class SpecialHoursInlineFormSet(_IntervalFormSet):
    """Rejects overlapping intervals on the same date, and a day off combined with hours on that date."""

    def clean(self):
        super().clean()
        rows_by_date: dict[date, list[tuple[time | None, time | None]]] = defaultdict(list)
        for row in self._submitted_rows():
            rows_by_date[row["date"]].append((row["start_time"], row["end_time"]))
        errors = []
        for day in sorted(rows_by_date):
            rows = rows_by_date[day]
            if len(rows) > 1 and any(start is None for start, _end in rows):
                errors.append(
                    ValidationError(
                        _("%(date)s: a day off cannot be combined with other hours on the same date."),
                        code="conflicting_special_hours",
                        params={"date": day.isoformat()},
                    )
                )
                continue
            try:
                validate_interval_list([(start, end) for start, end in rows if start is not None])
            except ValidationError as exc:
                errors.append(
                    ValidationError(
                        _("%(date)s: %(problem)s"),
                        code=exc.code,
                        params={"date": day.isoformat(), "problem": " ".join(exc.messages)},
                    )
                )
        if errors:
            raise ValidationError(errors)


class StaffMemberAdminForm(forms.ModelForm):
    class Meta:
        model = StaffMember
        fields = [
            "salon",
            "user",
            "display_name",
            "title_ar",
            "title_en",
            "photo",
            "services",
            "is_active",
            "display_order",
        ]

    def clean(self):
        cleaned_data = super().clean()
        salon = cleaned_data.get("salon")
        services = cleaned_data.get("services")
        if salon is not None and services:
            foreign = [service for service in services if service.salon_id != salon.pk]
            if foreign:
                self.add_error(
                    "services",
                    ValidationError(
                        _("Choose only services of the staff member's salon; not: %(services)s."),
                        code="service_of_other_salon",
                        params={"services": ", ".join(service.name_ar for service in foreign)},
                    ),
                )
        return cleaned_data
