"""A salon's exports: row sources (bookings, payments, customers over a range of days), written as CSV
or Excel by the shared writers of `core.exports` in the salon's time zone. Rows are streamed from
`.iterator()` querysets, never held in memory as a whole."""

from collections.abc import Iterator
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import pgettext_lazy

from apps.bookings.models import Booking, BookingStatus, CancelledByRole
from apps.core import exports
from apps.core.exports import COUNT, DATETIME, MONEY, PHONE, Column, Export, Money
from apps.core.i18n import localized
from apps.core.money import vat_included
from apps.payments.models import HELD_STATUSES, Payment, PaymentStatus
from apps.salons.models import Salon

CHUNK_SIZE = 2000


# Payments in which the salon received the customer's money (refunds are then counted apart).
RECEIVED_STATUSES = (*HELD_STATUSES, PaymentStatus.REFUNDED, PaymentStatus.DUPLICATE)


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


# --- Writers (core.exports, in the salon's time zone) ------------------------------------------


def csv_chunks(export: Export, *, salon: Salon) -> Iterator[bytes]:
    return exports.csv_chunks(export, tz=salon.tz)


def xlsx_bytes(export: Export, *, salon: Salon, right_to_left: bool) -> bytes:
    return exports.xlsx_bytes(export, tz=salon.tz, right_to_left=right_to_left)
