"""Admin forms and inline formsets for the catalog.

A model's `clean()` only compares a row with the rows already saved, so the inline
formsets below also check the rows submitted together on one staff member's page, with the
rules of `apps.salons.hours` (the back office uses the same).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .hours import HoursProblem, special_hours_problems, weekly_hours_problems
from .models import StaffMember


class _IntervalFormSet(BaseInlineFormSet):
    def _submitted_rows(self):
        """The cleaned data of the rows that will be kept and have no errors of their own."""
        for form in self.forms:
            if form.errors or not form.cleaned_data or self._should_delete_form(form):
                continue
            yield form.cleaned_data

    @staticmethod
    def _raise(problems: list[HoursProblem]) -> None:
        if problems:
            raise ValidationError([ValidationError(problem.message, code=problem.code) for problem in problems])


class WorkingHoursInlineFormSet(_IntervalFormSet):
    """Rejects empty and overlapping intervals on the same weekday, and overlaps with the previous
    day's shift after midnight (`apps.salons.hours`)."""

    def clean(self):
        super().clean()
        rows = [(row["weekday"], row["start_time"], row["end_time"]) for row in self._submitted_rows()]
        self._raise(weekly_hours_problems(rows))


class SpecialHoursInlineFormSet(_IntervalFormSet):
    """Rejects overlapping intervals on the same date, and a day off combined with hours on that date."""

    def clean(self):
        super().clean()
        rows = [(row["date"], row["start_time"], row["end_time"]) for row in self._submitted_rows()]
        self._raise(special_hours_problems(rows))


class StaffMemberAdminForm(forms.ModelForm):
    class Meta:
        model = StaffMember
        fields = [
            "salon",
            "user",
            "display_name",
            "display_name_en",
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
