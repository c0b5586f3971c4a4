"""A salon's exports: row sources (bookings, payments, customers over a range of days) and the CSV and
Excel writers. Rows are streamed from `.iterator()` querysets, never held in memory as a whole.

A row is a tuple of typed values: `str`, `int` (a count), `Money` (halalas), an aware `datetime`
(written in the salon's time zone) or `None`. Writers turn them into cells.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from apps.bookings.models import Booking, BookingStatus, CancelledByRole
from apps.core.i18n import localized
from apps.core.money import major_units, vat_included
from apps.payments.models import HELD_STATUSES, Payment, PaymentStatus
from apps.salons.models import Salon

CHUNK_SIZE = 2000


# Payments in which the salon received the customer's money (refunds are then counted apart).
RECEIVED_STATUSES = (*HELD_STATUSES, PaymentStatus.REFUNDED, PaymentStatus.DUPLICATE)
TEXT, PHONE, COUNT, MONEY, DATETIME = "text", "phone", "count", "money", "datetime"
E164 = re.compile(r"\+[0-9]{8,15}")


class Money(int):
    """An amount in halalas."""


@dataclass(frozen=True)
class Column:
    header: str | Promise
    kind: str = TEXT


@dataclass(frozen=True)
class Export:
    name: str
    columns: tuple[Column, ...]
    rows: Iterable[tuple]


# --- Row sources ----------------------------------------------------------------------------------


def _received_sum(field: str):
    return Coalesce(
        Subquery(
            Payment.objects.filter(booking_id=OuterRef("pk"), status__in=RECEIVED_STATUSES)
            .order_by()
            .values("booking_id")
            .annotate(total=Sum(field))
            .values("total")
        ),
        0,
    )


def bookings_export(*, salon: Salon, start: datetime, end: datetime) -> Export:
    """The salon's bookings starting in [start, end), by start."""
    columns = (
        Column(pgettext_lazy("export column", "Reference")),
        Column(pgettext_lazy("export column", "Date"), DATETIME),
        Column(pgettext_lazy("export column", "Customer")),
        Column(pgettext_lazy("export column", "Phone"), PHONE),
        Column(pgettext_lazy("export column", "Service")),
        Column(pgettext_lazy("export column", "Stylist")),
        Column(pgettext_lazy("export column", "Status")),
        Column(pgettext_lazy("export column", "Price (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "VAT (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Paid (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Refunded (SAR)"), MONEY),
    )
    bookings = (
        Booking.objects.filter(salon=salon, start__gte=start, start__lt=end)
        .select_related("customer", "service", "staff")
        .annotate(paid=_received_sum("amount"), refunded=_received_sum("refunded_amount"))
        .order_by("start", "pk")
    )
    labels = dict(BookingStatus.choices)

    def rows() -> Iterator[tuple]:
        for booking in bookings.iterator(chunk_size=CHUNK_SIZE):
            yield (
                booking.reference,
                booking.start,
                booking.customer.get_full_name(),
                booking.customer.phone_number,
                localized(booking.service, "name"),
                booking.staff.display_name,
                str(labels.get(booking.status, booking.status)),
                Money(booking.price_amount),
                Money(vat_included(booking.price_amount)),
                Money(booking.paid),
                Money(booking.refunded),
            )

    return Export("bookings", columns, rows())


def payments_export(*, salon: Salon, start: datetime, end: datetime) -> Export:
    """The payments for the salon's bookings paid (or, never paid, created) in [start, end). The net
    is what the salon keeps: the amount less refunds for money received, nothing otherwise."""
    columns = (
        Column(pgettext_lazy("export column", "Reference")),
        Column(pgettext_lazy("export column", "Paid at"), DATETIME),
        Column(pgettext_lazy("export column", "Method")),
        Column(pgettext_lazy("export column", "Status")),
        Column(pgettext_lazy("export column", "Amount (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "VAT (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Refunded (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Net (SAR)"), MONEY),
    )
    payments = (
        Payment.objects.filter(booking__salon=salon)
        .annotate(at=Coalesce("paid_at", "created_at"))
        .filter(at__gte=start, at__lt=end)
        .select_related("booking")
        .order_by("at", "pk")
    )
    methods = dict(Payment._meta.get_field("method").choices)
    statuses = dict(PaymentStatus.choices)

    def rows() -> Iterator[tuple]:
        for payment in payments.iterator(chunk_size=CHUNK_SIZE):
            received = payment.status in RECEIVED_STATUSES
            yield (
                payment.booking.reference,
                payment.paid_at,
                str(methods.get(payment.method, payment.method)),
                str(statuses.get(payment.status, payment.status)),
                Money(payment.amount),
                Money(payment.vat_amount),
                Money(payment.refunded_amount),
                Money(payment.amount - payment.refunded_amount if received else 0),
            )

    return Export("payments", columns, rows())


def customers_export(*, salon: Salon, start: datetime, end: datetime) -> Export:
    """Everyone with a booking at the salon starting in [start, end), with what happened in that range:
    visits (completed), no-shows, cancellations (by the customer), total paid (net of refunds) and the
    last visit. By name."""
    columns = (
        Column(pgettext_lazy("export column", "Customer")),
        Column(pgettext_lazy("export column", "Phone"), PHONE),
        Column(pgettext_lazy("export column", "Visits"), COUNT),
        Column(pgettext_lazy("export column", "No-shows"), COUNT),
        Column(pgettext_lazy("export column", "Cancellations"), COUNT),
        Column(pgettext_lazy("export column", "Total paid (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Last visit"), DATETIME),
    )
    here = Q(bookings__salon_id=salon.pk, bookings__start__gte=start, bookings__start__lt=end)
    # Totals by customer in one grouped query (a number per customer), not a subquery per row: on
    # PostgreSQL, a correlated subquery in a grouped query made a year's export take minutes.
    paid = (
        Payment.objects.filter(
            booking__salon_id=salon.pk,
            booking__start__gte=start,
            booking__start__lt=end,
            status__in=RECEIVED_STATUSES,
        )
        .order_by()
        .values("customer_id")
        .annotate(total=Sum(F("amount") - F("refunded_amount")))
        .values_list("customer_id", "total")
    )
    customers = (
        get_user_model()
        .objects.filter(here)
        .annotate(
            visit_count=Count("bookings", filter=here & Q(bookings__status=BookingStatus.COMPLETED)),
            no_show_count=Count("bookings", filter=here & Q(bookings__status=BookingStatus.NO_SHOW)),
            cancellation_count=Count(
                "bookings",
                filter=here
                & Q(bookings__status=BookingStatus.CANCELLED, bookings__cancelled_by_role=CancelledByRole.CUSTOMER),
            ),
            last_visit=Max("bookings__start", filter=here & Q(bookings__status=BookingStatus.COMPLETED)),
        )
        .order_by("first_name", "last_name", "pk")
    )

    def rows() -> Iterator[tuple]:
        totals = dict(paid)
        for customer in customers.iterator(chunk_size=CHUNK_SIZE):
            yield (
                customer.get_full_name(),
                customer.phone_number,
                customer.visit_count,
                customer.no_show_count,
                customer.cancellation_count,
                Money(totals.get(customer.pk, 0)),
                customer.last_visit,
            )

    return Export("customers", columns, rows())


EXPORTS = {"bookings": bookings_export, "payments": payments_export, "customers": customers_export}


# --- Writers --------------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralized(text: str) -> str:
    """A text a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`, `@` (or a tab
    or carriage return) gets a leading `'`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _text(value, kind: str) -> str:
    """A text cell: a phone number (E.164, a `+` and digits) as is, anything else neutralised."""
    text = str(value)
    return text if kind == PHONE and E164.fullmatch(text) else neutralized(text)


def _csv_cell(value, kind: str, salon: Salon) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return major_units(value)
    if isinstance(value, datetime):
        return value.astimezone(salon.tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, int):
        return str(value)
    return _text(value, kind)


class _Line:
    """A file-like object that hands back what the csv writer wrote."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(export: Export, *, salon: Salon) -> Iterator[bytes]:
    """The export as UTF-8 CSV with a BOM (so that Excel reads Arabic), one chunk per line."""
    writer = csv.writer(_Line(), quoting=csv.QUOTE_MINIMAL)
    yield "\ufeff".encode() + writer.writerow([neutralized(str(column.header)) for column in export.columns]).encode()
    for row in export.rows:
        yield writer.writerow(
            [_csv_cell(value, column.kind, salon) for value, column in zip(row, export.columns, strict=True)]
        ).encode()


MONEY_FORMAT = "#,##0.00"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def xlsx_bytes(export: Export, *, salon: Salon, right_to_left: bool) -> bytes:
    """The export as an Excel workbook (write-only: rows are not kept), typed cells, a totals row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(export.name))
    sheet.sheet_view.rightToLeft = right_to_left
    bold = Font(bold=True)

    def cell(value, kind: str, *, font=None):
        if value is None:
            result = WriteOnlyCell(sheet, value=None)
        elif kind == MONEY:
            result = WriteOnlyCell(sheet, value=int(value) / 100)
            result.number_format = MONEY_FORMAT
        elif kind == DATETIME:
            result = WriteOnlyCell(sheet, value=value.astimezone(salon.tz).replace(tzinfo=None))
            result.number_format = DATETIME_FORMAT
        elif kind == COUNT:
            result = WriteOnlyCell(sheet, value=int(value))
        else:
            result = WriteOnlyCell(sheet, value=_text(value, kind))
        if font is not None:
            result.font = font
        return result

    sheet.append([cell(str(column.header), TEXT, font=bold) for column in export.columns])
    totals = [0 if column.kind in (MONEY, COUNT) else None for column in export.columns]
    for row in export.rows:
        sheet.append([cell(value, column.kind) for value, column in zip(row, export.columns, strict=True)])
        for index, value in enumerate(row):
            if totals[index] is not None and value is not None:
                totals[index] += value
    total_cells = [cell(total, column.kind, font=bold) for total, column in zip(totals, export.columns, strict=True)]
    total_cells[0] = cell(str(pgettext_lazy("export column", "Total")), TEXT, font=bold)
    sheet.append(total_cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
