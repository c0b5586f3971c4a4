"""Query and response shapes of the reports (component names start with `Report`)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.core.dates import validate_supported_date

from ..periods import GROUPS

MAX_DAYS = 400


class ReportPeriodQuerySerializer(serializers.Serializer):
    # `from` is a keyword: the field is added under that name below.
    to = serializers.DateField(validators=[validate_supported_date], help_text=_("The last local day (inclusive)."))

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField(
            validators=[validate_supported_date], help_text=_("The first local day (inclusive).")
        )
        return fields

    def validate(self, attrs):
        first, last = attrs["from"], attrs["to"]
        if first > last:
            raise serializers.ValidationError({"to": [_("The end of the period comes before its start.")]})
        if (last - first).days + 1 > MAX_DAYS:
            raise serializers.ValidationError({"to": [_("A report covers at most 400 days.")]})
        return attrs


class ReportSummaryQuerySerializer(ReportPeriodQuerySerializer):
    group_by = serializers.ChoiceField(
        choices=GROUPS, default="day", help_text=_("The series' periods: day, week (from Sunday) or month.")
    )


class ReportFiguresSerializer(serializers.Serializer):
    gross_paid = serializers.IntegerField(help_text="Halalas paid online in the period (by `paid_at`).")
    refunded = serializers.IntegerField(help_text="Halalas refunded in the period (by `succeeded_at`).")
    net = serializers.IntegerField()
    vat = serializers.IntegerField(help_text="The VAT inside `net`.")
    vat_gross = serializers.IntegerField()
    vat_refunded = serializers.IntegerField()
    expected_at_salon = serializers.IntegerField(
        help_text="Prices of confirmed and completed visits with no payment holding money online."
    )
    bookings = serializers.IntegerField(help_text="Visits starting in the period, any status.")
    confirmed = serializers.IntegerField()
    completed = serializers.IntegerField()
    cancelled = serializers.IntegerField()
    cancelled_by_customer = serializers.IntegerField()
    cancelled_by_salon = serializers.IntegerField()
    no_show = serializers.IntegerField()
    expired = serializers.IntegerField()
    no_show_rate = serializers.FloatField()
    cancellation_rate = serializers.FloatField()
    booked_minutes = serializers.IntegerField()
    working_minutes = serializers.IntegerField()
    utilisation = serializers.FloatField()
    new_customers = serializers.IntegerField()
    returning_customers = serializers.IntegerField()
    median_lead_time_hours = serializers.FloatField(allow_null=True)
    rating_average = serializers.FloatField(allow_null=True)
    rating_count = serializers.IntegerField()


class ReportSeriesItemSerializer(ReportFiguresSerializer):
    period = serializers.DateField(help_text="The first day of the period.")


class ReportBreakdownSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    bookings = serializers.IntegerField()
    completed = serializers.IntegerField()
    gross_paid = serializers.IntegerField()
    net = serializers.IntegerField()


class ReportSummarySerializer(serializers.Serializer):
    salon = serializers.IntegerField(allow_null=True, help_text="Null in the platform's summary.")
    to = serializers.DateField()
    group_by = serializers.CharField(help_text="day, week or month.")
    currency = serializers.CharField()
    totals = ReportFiguresSerializer()
    series = ReportSeriesItemSerializer(many=True)
    by_service = ReportBreakdownSerializer(many=True)
    by_staff = ReportBreakdownSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return fields


class ReportUtilisationFiguresSerializer(serializers.Serializer):
    booked_minutes = serializers.IntegerField()
    working_minutes = serializers.IntegerField()
    utilisation = serializers.FloatField()


class ReportUtilisationDaySerializer(ReportUtilisationFiguresSerializer):
    date = serializers.DateField()


class ReportUtilisationStaffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    total = ReportUtilisationFiguresSerializer()
    days = ReportUtilisationDaySerializer(many=True)


class ReportUtilisationSerializer(serializers.Serializer):
    salon = serializers.IntegerField()
    to = serializers.DateField()
    total = ReportUtilisationFiguresSerializer()
    days = ReportUtilisationDaySerializer(many=True)
    staff = ReportUtilisationStaffSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return fields


class ReportHeatmapSerializer(serializers.Serializer):
    salon = serializers.IntegerField()
    to = serializers.DateField()
    first_weekday = serializers.CharField(help_text="Always `sunday`: `weekdays[0]` is Sunday.")
    weekdays = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField()),
        help_text="7 rows (Sunday first) of 24 counts (local hours 0–23).",
    )

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return fields


class ReportSalonRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    bookings = serializers.IntegerField()
    gross_paid = serializers.IntegerField()
    net = serializers.IntegerField()
    no_show_rate = serializers.FloatField()
    rating_average = serializers.FloatField(allow_null=True)
    rating_count = serializers.IntegerField()


class ReportSalonLeagueSerializer(serializers.Serializer):
    to = serializers.DateField()
    currency = serializers.CharField()
    salons = ReportSalonRowSerializer(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return fields
