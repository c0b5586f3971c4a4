"""`/api/manage/salons/{id}/balance/` and the statement (JSON, CSV, Excel, PDF): what the platform owes the
salon and every entry that made it so. Managers of the salon and platform admins (the back office's
door)."""

from dataclasses import asdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from apps.backoffice.api.common import ManageView, validated
from apps.backoffice.errors import ManagersOnly
from apps.core.file_responses import XLSX_TYPE, ErrorsAsJson, attachment, export_attachment
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound
from apps.salons.models import Salon

from .. import selectors
from ..statement import entry_description, statement_export
from ..statement_pdf import statement_pdf
from .serializers import MAX_DAYS, BalanceSerializer, StatementQuerySerializer, StatementSerializer

TAG = "finance"
DOOR = (ManagersOnly, SalonNotFound)
PERIOD = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="The first local day (default: the 1st of `to`'s month)."),
    OpenApiParameter(
        "to", OpenApiTypes.DATE, description=f"The last local day (default: today, or `from`; ≤ {MAX_DAYS} days)."
    ),
]


class BalanceView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_balance",
        summary="The salon's balance",
        description=selectors.__doc__,
        responses={200: BalanceSerializer, **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        return Response(BalanceSerializer(asdict(selectors.salon_balance(salon=self.salon(salon_id)))).data)


def statement_period(salon: Salon, query: dict) -> tuple[date, date, datetime, datetime]:
    """The local days asked for (by default from the 1st of `to`'s month, and to today or `from`) and
    the instants that bound them."""
    today = timezone.now().astimezone(salon.tz).date()
    first, last = query.get("from"), query.get("to")
    last = last or (max(today, first) if first else today)
    first = first or last.replace(day=1)
    if (last - first).days + 1 > MAX_DAYS:
        raise serializers.ValidationError({"from": [_("A statement covers at most 400 days.")]})
    start = datetime.combine(first, time.min, tzinfo=salon.tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=salon.tz)
    return first, last, start, end


class StatementView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_balance_statement",
        summary="The salon's statement",
        description=(
            "Every entry of the salon's balance that occurred in the period, oldest first, with the balance after "
            "it; amounts from the salon's side (positive: owed to the salon; negative: commission, its VAT, "
            "refunds, payouts). Also at `/api/manage/salons/{salon_id}/statement/`."
        ),
        parameters=PERIOD,
        responses={200: StatementSerializer, **error_responses(INVALID_INPUT, DOOR)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        first, last, start, end = statement_period(salon, validated(StatementQuerySerializer, request.query_params))
        statement = selectors.salon_statement(salon=salon, start=start, end=end)
        entries = [
            {
                "id": line.entry.pk,
                "occurred_at": line.entry.transaction.occurred_at.astimezone(salon.tz).isoformat(),
                "kind": line.entry.kind,
                "description": entry_description(line.entry),
                "booking_reference": line.entry.transaction.booking.reference
                if line.entry.transaction.booking_id
                else None,
                "payout_reference": line.entry.transaction.payout.reference
                if line.entry.transaction.payout_id
                else None,
                "amount": line.amount,
                "balance_after": line.balance_after,
            }
            for line in statement.lines
        ]
        return Response(
            {
                "currency": statement.currency,
                "from": first.isoformat(),
                "to": last.isoformat(),
                "opening_balance": statement.opening_balance,
                "closing_balance": statement.closing_balance,
                "entries": entries,
            }
        )


class StatementFileView(ManageView):
    throttle_scope = "exports"
    file_format = ""
    content_negotiation_class = ErrorsAsJson

    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        first, last, start, end = statement_period(salon, validated(StatementQuerySerializer, request.query_params))
        statement = selectors.salon_statement(salon=salon, start=start, end=end)
        filename = f"{salon.slug}-statement-{first.isoformat()}-{last.isoformat()}.{self.file_format}"
        if self.file_format == "pdf":
            body = statement_pdf(statement, salon=salon, first=first, last=last)
            return attachment(body, "application/pdf", filename)
        return export_attachment(
            statement_export(statement), file_format=self.file_format, tz=salon.tz, filename=filename
        )


_FORMATS = {
    "csv": ("text/csv", "CSV, UTF-8 with a byte order mark, streamed."),
    "xlsx": (XLSX_TYPE, "An Excel workbook: typed cells, a totals row, right to left in Arabic."),
    "pdf": (
        "application/pdf",
        "A PDF (A4, right to left): the salon's legal name, the period, the opening and closing balances and the "
        "totals, words in the request's language.",
    ),
}


def statement_file_view(file_format: str):
    media_type, description = _FORMATS[file_format]

    class View(StatementFileView):
        @extend_schema(
            tags=[TAG],
            operation_id=f"manage_salons_balance_statement_{file_format}",
            summary=f"The salon's statement ({file_format.upper()})",
            description=(
                f"The statement's entries between the opening and the closing balance, headers in the request's "
                f"language. {description} Named `<salon-slug>-statement-<from>-<to>.{file_format}`. Also at "
                f"`/api/manage/salons/{{salon_id}}/statement.{file_format}`."
            ),
            parameters=PERIOD,
            responses={
                (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description="The file, as an attachment."),
                **error_responses(INVALID_INPUT, DOOR),
            },
        )
        def get(self, request, salon_id: int):
            return super().get(request, salon_id)

    View.__name__ = View.__qualname__ = f"Statement{file_format.title()}View"
    View.file_format = file_format
    return View
