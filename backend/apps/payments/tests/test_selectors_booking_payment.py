"""Which payment tells how a booking stands (`booking_payment`), and its status for many bookings in
one query (`booking_payment_statuses`, used by the salon's calendar): the two always agree."""

import pytest

from apps.bookings.models import Booking
from apps.payments.models import PaymentStatus
from apps.payments.selectors import booking_payment, booking_payment_statuses

from .conftest import make_payment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "statuses, shown",
    [
        ([], None),
        ([PaymentStatus.FAILED], PaymentStatus.FAILED),
        ([PaymentStatus.FAILED, PaymentStatus.INITIATED], PaymentStatus.INITIATED),  # the latest attempt
        ([PaymentStatus.PAID, PaymentStatus.FAILED], PaymentStatus.PAID),  # money held wins
        ([PaymentStatus.REFUNDED, PaymentStatus.INITIATED], PaymentStatus.REFUNDED),
        ([PaymentStatus.DUPLICATE, PaymentStatus.FAILED], PaymentStatus.DUPLICATE),
        ([PaymentStatus.VOIDED, PaymentStatus.CAPTURED], PaymentStatus.CAPTURED),
    ],
)
def test_the_statuses_in_one_query_agree_with_the_payment_shown(booking, statuses, shown, django_assert_num_queries):
    for status in statuses:  # oldest first
        make_payment(booking, status=status)

    with django_assert_num_queries(1):
        answer = booking_payment_statuses(bookings=Booking.objects.filter(pk=booking.pk))

    assert answer.get(booking.pk) == shown
    payment = booking_payment(booking)
    assert (payment.status if payment else None) == shown
