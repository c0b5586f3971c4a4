"""Using a package session or a gift card's balance at booking, and giving it back.

`redemption_apply` is the bookings' redeemer (`apps.bookings.redemptions`): it runs inside the
booking's creating transaction, after the customer's and stylists' locks, and locks the purchase's or
the card's row (`select_for_update`) before it reads what is left, so two bookings spending the last
session or the last riyals at once are served one after the other: the second sees nothing left
(409). The database's checks (sessions used ≤ bought, balance ≥ 0) make it true even so.

`redemption_booking_changed` reacts to the bookings' events: a booking cancelled, or expired before it
was paid, gives each of its uses back exactly once (`returned_at`, set under the instrument's lock).
"""

from datetime import datetime

from django.utils import timezone

from apps.bookings.events import BookingChanged, BookingEventKind
from apps.bookings.redemptions import RedemptionRequest

from .books import books_post_redeemed, books_post_returned, session_value
from .codes import normalize_code
from .errors import (
    GiftCardEmpty,
    GiftCardExpired,
    GiftCardNotActive,
    GiftCardNotFound,
    GiftCardWrongSalon,
    PackageExpired,
    PackageNotActive,
    PackageUsedUp,
    PackageWrongService,
    PurchaseNotFound,
    RedemptionTwoInstruments,
)
from .models import GiftCard, InstrumentStatus, Package, PackagePurchase, Redemption

GIVING_BACK = (BookingEventKind.CANCELLED, BookingEventKind.EXPIRED)


def redemption_apply(*, booking, request: RedemptionRequest, now: datetime) -> int:
    """Use the instrument for `booking` (written, not yet published); the amount taken off its price."""
    if request.package is not None and request.gift_card:
        raise RedemptionTwoInstruments()
    if request.package is not None:
        return _use_package(booking, request.package)
    return _use_gift_card(booking, normalize_code(request.gift_card or ""), now)


def _use_package(booking, purchase_id: int) -> int:
    bought = PackagePurchase.objects.select_for_update().filter(pk=purchase_id, customer_id=booking.customer_id).first()
    if bought is None:
        raise PurchaseNotFound()
    if Package.objects.filter(pk=bought.package_id).values_list("service_id", flat=True).first() != booking.service_id:
        raise PackageWrongService()
    if bought.status != InstrumentStatus.ACTIVE:
        raise PackageNotActive()
    if bought.expires_at is None or booking.start >= bought.expires_at:
        raise PackageExpired()
    if bought.sessions_used >= bought.sessions_total:
        raise PackageUsedUp()
    bought.sessions_used += 1
    bought.save(update_fields=["sessions_used"])
    value = session_value(price=bought.price_amount, sessions=bought.sessions_total, number=bought.sessions_used)
    redemption = Redemption.objects.create(
        booking=booking, package_purchase=bought, amount=booking.price_amount, value_amount=value
    )
    books_post_redeemed(redemption=redemption, salon_id=booking.salon_id)
    return booking.price_amount


def _use_gift_card(booking, code: str, now: datetime) -> int:
    card = GiftCard.objects.select_for_update().filter(code=code).first() if code else None
    if card is None:
        raise GiftCardNotFound()
    if card.salon_id != booking.salon_id:
        raise GiftCardWrongSalon()
    if card.status != InstrumentStatus.ACTIVE:
        raise GiftCardNotActive()
    if card.expires_at is None or now >= card.expires_at:
        raise GiftCardExpired()
    if card.balance == 0:
        raise GiftCardEmpty()
    taken = min(card.balance, booking.price_amount)
    if taken == 0:
        return 0
    card.balance -= taken
    card.save(update_fields=["balance"])
    redemption = Redemption.objects.create(booking=booking, gift_card=card, amount=taken, value_amount=taken)
    books_post_redeemed(redemption=redemption, salon_id=booking.salon_id)
    return taken


def redemption_booking_changed(change: BookingChanged) -> None:
    """A booking cancelled or expired unpaid gives its sessions and amounts back, once."""
    if change.kind not in GIVING_BACK:
        return
    uses = Redemption.objects.select_for_update().filter(booking_id=change.booking_id, returned_at__isnull=True)
    for use in uses.order_by("pk"):
        redemption_give_back(use)


def redemption_give_back(use: Redemption) -> None:
    """Give one locked, unreturned use back to its package or card (inside the caller's transaction)."""
    if use.package_purchase_id is not None:
        bought = PackagePurchase.objects.select_for_update().get(pk=use.package_purchase_id)
        bought.sessions_used -= 1
        bought.save(update_fields=["sessions_used"])
    else:
        card = GiftCard.objects.select_for_update().get(pk=use.gift_card_id)
        card.balance += use.amount
        card.save(update_fields=["balance"])
    use.returned_at = timezone.now()
    use.save(update_fields=["returned_at"])
    books_post_returned(redemption=use)
