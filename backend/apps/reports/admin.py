"""The salon league table in the Django admin (`/admin/reports/league/`): every salon's bookings, gross,
net, no-show rate and rating over a range of days, from the same selector as the platform's API
(`GET /api/manage/reports/salons/`). Read only; staff with the view permission (superusers have it)."""

from datetime import date, timedelta

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.dates import validate_supported_date
from apps.core.money import format_sar

from .api.serializers import MAX_DAYS
from .models import League
from .periods import Period, platform_tz
from .selectors import salon_league


def _day_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        validators=[validate_supported_date],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class LeaguePeriodForm(forms.Form):
    """`from` and `to`, local days in the platform's time zone, checked as the API checks them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a keyword: the fields are added here, in this order.
        self.fields["from"] = _day_field(_("From"))
        self.fields["to"] = _day_field(_("To"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("from"), cleaned.get("to")
        if first and last:
            if first > last:
                self.add_error("to", _("The end of the period comes before its start."))
            elif (last - first).days + 1 > MAX_DAYS:
                self.add_error("to", _("A report covers at most 400 days."))
        return cleaned


def this_month(today: date) -> dict[str, date]:
    first = today.replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return {"from": first, "to": following - timedelta(days=1)}


@admin.register(League)
class LeagueAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        # The table alone: no add, change, delete or history pages.
        view = self.admin_site.admin_view(self.changelist_view)
        return [path("", view, name="reports_league_changelist")]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if "from" in request.GET or "to" in request.GET:
            form = LeaguePeriodForm(request.GET)
        else:
            form = LeaguePeriodForm(this_month(timezone.now().astimezone(platform_tz()).date()))
        rows = None
        if form.is_valid():
            period = Period(first=form.cleaned_data["from"], last=form.cleaned_data["to"], tz=platform_tz())
            rows = [_display(row) for row in salon_league(period=period)]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Salon league table"),
            "form": form,
            "rows": rows,
            "time_zone": platform_tz().key,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/reports/league.html", context)


def _display(row: dict) -> dict:
    return {
        **row,
        "url": reverse("admin:salons_salon_change", args=[row["id"]]),
        "gross_display": format_sar(row["gross_paid"]),
        "net_display": format_sar(row["net"]),
        "no_show_percent": row["no_show_rate"] * 100,
    }
