"""A customer with some of everything the product holds about a person."""

from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts.models import OTPChannel, OTPPurpose, OTPRequest, OTPStatus
from apps.bookings.models import Review, SalonCustomer
from apps.ledger.tests.conftest import receive, refund, visit
from apps.notifications.models import Notification


def fill_history(*, stylist, customer, bookings: int = 3) -> dict:
    """`bookings` past visits (the first paid and partly refunded, reviewed), one future paid visit, a
    salon note, a notification, a one-time code and a session."""
    from datetime import timedelta

    from django.utils import timezone

    past = [visit(stylist, customer, days=-10 - index) for index in range(bookings)]
    paid = receive(past[0])
    refund(paid, 1000)
    Review.objects.create(booking=past[0], salon=stylist.salon, customer=customer, rating=5, comment="Lovely, Noura")
    future = visit(stylist, customer, days=5)
    future_payment = receive(future)
    SalonCustomer.objects.create(
        salon=stylist.salon, customer=customer, notes=f"Noura prefers mornings, {customer.phone_number}", tags=["vip"]
    )
    Notification.objects.create(
        recipient=customer,
        booking=past[0],
        event="booking_confirmed",
        occurrence="1",
        template="booking_confirmed",
        language="ar",
        body=f"Dear {customer.first_name}, your booking is confirmed",
        channel="sms",
        status="sent",
    )
    OTPRequest.objects.create(
        phone_number=customer.phone_number,
        channel=OTPChannel.SMS,
        purpose=OTPPurpose.SIGN_IN,
        provider="console",
        code_hash="f" * 64,
        status=OTPStatus.USED,
        ip_address="10.0.0.1",
        created_at=timezone.now() - timedelta(hours=2),
        expires_at=timezone.now() - timedelta(hours=2),
    )
    RefreshToken.for_user(customer)
    return {"past": past, "paid": paid, "future": future, "future_payment": future_payment}
