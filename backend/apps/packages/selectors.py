"""Reads: the packages a salon sells, a customer's packages and gift cards, a card by its code, and
the back office's lists."""

from django.db.models import Q, QuerySet

from apps.backoffice.access import managed_salon_get
from apps.salons.errors import SalonNotFound
from apps.salons.models import Salon

from .codes import normalize_code
from .errors import GiftCardNotFound
from .models import GiftCard, InstrumentStatus, Package, PackagePurchase, Purchase


def package_list_on_sale(*, salon_id: int) -> QuerySet[Package]:
    if not Salon.objects.filter(pk=salon_id, is_active=True).exists():
        raise SalonNotFound()
    return Package.objects.filter(salon_id=salon_id, is_active=True, service__is_active=True).select_related("service")


def package_purchase_list_for(*, user) -> QuerySet[PackagePurchase]:
    """The customer's paid packages (active or refunded), newest first."""
    return (
        PackagePurchase.objects.filter(customer=user)
        .exclude(status=InstrumentStatus.PENDING)
        .select_related("package__service", "package__salon", "purchase")
    )


def gift_card_list_for(*, user) -> QuerySet[GiftCard]:
    """The paid cards the customer bought or received (to their verified phone number)."""
    mine = Q(purchaser=user)
    if user.phone_number and user.is_phone_verified:
        mine |= Q(recipient_phone=user.phone_number)
    return GiftCard.objects.filter(mine).exclude(status=InstrumentStatus.PENDING).select_related("salon")


def gift_card_by_code(*, code: str) -> GiftCard:
    card = (
        GiftCard.objects.filter(code=normalize_code(code))
        .exclude(status=InstrumentStatus.PENDING)
        .select_related("salon")
        .first()
    )
    if card is None:
        raise GiftCardNotFound()
    return card


def purchase_list_for_salon(*, user, salon_id: int) -> QuerySet[Purchase]:
    """The salon's paid purchases (back office), newest first."""
    salon = managed_salon_get(user=user, salon_id=salon_id)
    return (
        Purchase.objects.filter(salon=salon, paid_at__isnull=False)
        .select_related("customer", "package_purchase__package", "gift_card")
        .order_by("-paid_at", "pk")
    )


def package_list_for_salon(*, user, salon_id: int) -> QuerySet[Package]:
    return Package.objects.filter(salon=managed_salon_get(user=user, salon_id=salon_id)).select_related("service")
