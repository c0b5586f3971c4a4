"""`/api/manage/salons/{id}/exports/<kind>.csv|.xlsx`: a salon's bookings, payments and customers over a
range of days, as CSV (streamed) or Excel. Managers of the salon and platform admins (the back
office's door)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.backoffice.api.common import TAG, ManageView, salon_instant, validated
from apps.backoffice.errors import ManagersOnly
from apps.core.file_responses import XLSX_TYPE, ErrorsAsJson, attachment, csv_attachment
from apps.core.i18n import current_language
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound

from ..exports import EXPORTS, csv_chunks, xlsx_bytes

MAX_DAYS = 400
SALON = "salons/<int:salon_id>/exports/"
# Exports that carry customers' names and phones: each download is recorded in the audit log.
PERSONAL_DATA = {"bookings", "customers"}


class ExportQuerySerializer(serializers.Serializer):
    to = serializers.DateField(help_text=_("The last day (inclusive), in the salon's time zone."))

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as a class attribute.
        fields["from"] = serializers.DateField(help_text=_("The first day, in the salon's time zone."))
        return fields

    def validate(self, attrs):
        first, last = attrs["from"], attrs["to"]
        if first > last:
            raise serializers.ValidationError({"from": [_("The first day must not be after the last.")]})
        if (last - first).days + 1 > MAX_DAYS:
            raise serializers.ValidationError(
                {"to": [_("At most %(days)d days can be exported at once.") % {"days": MAX_DAYS}]}
            )
        return attrs


class ExportView(ManageView):
    throttle_scope = "exports"
    kind = ""
    file_format = ""
    content_negotiation_class = ErrorsAsJson

    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ExportQuerySerializer, request.query_params)
        export = EXPORTS[self.kind](
            salon=salon,
            start=salon_instant(query["from"], salon),
            end=salon_instant(query["to"], salon, end=True),
        )
        filename = f"{salon.slug}-{self.kind}-{query['from'].isoformat()}-{query['to'].isoformat()}.{self.file_format}"
        if self.kind in PERSONAL_DATA:
            audit_record(
                actor=request.user,
                salon_id=salon.pk,
                object_type="export",
                object_id=f"{self.kind}.{self.file_format}",
                object_repr=filename,
                action=AuditAction.EXPORTED,
                details={"from": query["from"], "to": query["to"]},
            )
        if self.file_format == "csv":
            return csv_attachment(csv_chunks(export, salon=salon), filename)
        body = xlsx_bytes(export, salon=salon, right_to_left=current_language() == "ar")
        return attachment(body, XLSX_TYPE, filename)


_WHAT = {
    "bookings": (
        "The salon's bookings",
        "One row per booking starting in the range: reference, date and time (salon's time zone), customer's "
        "name and phone, service, stylist, status, price, VAT, paid and refunded (SAR). Each download is recorded in "
        "the audit log.",
    ),
    "payments": (
        "The salon's payments",
        "One row per payment paid (or, never paid, created) in the range: booking reference, paid at, method, "
        "status, amount, VAT, refunded and net (SAR; the net is nothing for money never received).",
    ),
    "customers": (
        "The salon's customers",
        "One row per customer with a booking in the range: name, phone, visits, no-shows, cancellations (by the "
        "customer), total paid (SAR, net of refunds) and last visit, all within the range. Each download is recorded "
        "in the audit log.",
    ),
}
_FORMATS = {
    "csv": (
        "text/csv",
        "CSV, UTF-8 with a byte order mark, streamed. A text starting with `=`, `+`, `-` or `@` gets a leading `'`.",
    ),
    "xlsx": (
        XLSX_TYPE,
        "An Excel workbook: typed cells (dates in the salon's local time, amounts in SAR), a totals row, "
        "headers in the request's language, right to left in Arabic.",
    ),
}


def _view(kind: str, file_format: str):
    summary, description = _WHAT[kind]
    media_type, format_description = _FORMATS[file_format]
    schema = extend_schema(
        tags=[TAG],
        operation_id=f"manage_salons_exports_{kind}_{file_format}",
        summary=f"{summary} ({file_format.upper()})",
        description=(
            f"{description} {format_description} `from` and `to` are days in the salon's time zone, both "
            f"included, at most {MAX_DAYS} days apart. The file is named `<salon-slug>-{kind}-<from>-<to>."
            f"{file_format}`."
        ),
        parameters=[ExportQuerySerializer],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description="The file, as an attachment."),
            **error_responses(INVALID_INPUT, ManagersOnly, SalonNotFound),
        },
    )
    view = type(
        f"{kind.title()}{file_format.title()}ExportView", (ExportView,), {"kind": kind, "file_format": file_format}
    )
    view.get = schema(_copy(ExportView.get))
    return view.as_view()


def _copy(function):
    def get(self, request, salon_id: int):
        return function(self, request, salon_id)

    return get


# Plain paths: `.csv`/`.xlsx` are part of the name, not DRF's format suffixes.
urlpatterns = [
    path(f"{SALON}{kind}.{file_format}", _view(kind, file_format), name=f"export-{kind}-{file_format}")
    for kind in EXPORTS
    for file_format in _FORMATS
]
