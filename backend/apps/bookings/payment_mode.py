"""How a new booking is paid online, by the salon's no-show protection (ADR 0016), and the no-show
count that decides it for repeat offenders.

- A customer whose no-shows at the salon (less those it forgave) reached its `no_show_limit` prepays
  in full (`full`), whatever the policy.
- Otherwise a `deposit` salon takes the deposit online, a `card_hold` salon authorizes the price
  (captured only for a no-show or a late cancellation), and any other salon does as its
  `requires_prepayment` says (`PaymentMode.SALON`).
Bookings made by the salon for a customer (the desk) are never paid online.
"""

from dataclasses import dataclass

from django.db.models import Sum

from apps.salons.models import NoShowPolicy, Salon
from apps.salons.no_show import deposit_for, no_show_fee_for

from .models import Booking, BookingStatus, PaymentMode, SalonCustomer


@dataclass(frozen=True)
class OnlinePayment:
    mode: str
    amount: int | None  # None: the price
    fee: int | None = None  # a no-show's or a late cancellation's cost, for a deposit or a card hold

    @property
    def asked(self) -> bool:
        """Whether the booking waits for an online payment (pending with a hold)."""
        return self.mode != PaymentMode.SALON


def no_show_count(*, salon_id: int, customer_id: int) -> int:
    """The customer's no-shows at the salon that still count: recorded ones less those forgiven."""
    recorded = Booking.objects.filter(salon_id=salon_id, customer_id=customer_id, status=BookingStatus.NO_SHOW).count()
    forgiven = (
        SalonCustomer.objects.filter(salon_id=salon_id, customer_id=customer_id).aggregate(
            total=Sum("no_shows_forgiven")
        )["total"]
        or 0
    )
    return max(recorded - forgiven, 0)


def online_payment_for(*, salon: Salon, customer_id: int, price: int) -> OnlinePayment:
    """How a customer's own booking at this price is paid online (see the module's docstring)."""
    if price <= 0:
        return OnlinePayment(PaymentMode.SALON, None)
    if salon.no_show_limit and no_show_count(salon_id=salon.pk, customer_id=customer_id) >= salon.no_show_limit:
        return OnlinePayment(PaymentMode.FULL, None)
    if salon.no_show_policy == NoShowPolicy.DEPOSIT:
        deposit = deposit_for(salon, price)
        if deposit <= 0:
            return OnlinePayment(PaymentMode.SALON, None)
        return OnlinePayment(PaymentMode.DEPOSIT, deposit, no_show_fee_for(salon, price))
    if salon.no_show_policy == NoShowPolicy.CARD_HOLD:
        return OnlinePayment(PaymentMode.CARD_HOLD, None, no_show_fee_for(salon, price))
    return OnlinePayment(PaymentMode.SALON, None)
