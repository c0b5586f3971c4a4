"""Refunding what is left of a purchase (a salon manager's decision, audited): the unused sessions of a
package, or the unused balance of a gift card; nothing more, whatever was used stays used.

The package's or card's row is locked and set `refunded` first (so nothing more can be redeemed)
and the amount fixed: for a package, the price less the value of the sessions in use (their values
add up to the price, `books.session_value`), so a refund of every unused session is exactly pro rata;
for a card, its balance. Then the gateway refunds it (outside the transaction); on success the
purchase records it and the books move it from customer prepaid back to cash; on a failure the
instrument is active again and nothing is recorded.
"""

import uuid

from django.db import transaction
from django.db.models import Sum

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.payments.providers import GatewayError, get_gateway

from .books import books_post_refund
from .errors import PurchaseGatewayError, PurchaseNotFound, PurchaseNotRefundable
from .models import GiftCard, InstrumentStatus, PackagePurchase, Purchase, PurchaseKind, PurchaseStatus, Redemption


def _instrument(purchase: Purchase):
    model = PackagePurchase if purchase.kind == PurchaseKind.PACKAGE else GiftCard
    return model.objects.select_for_update().get(purchase=purchase)


def _refundable(purchase: Purchase, instrument) -> int:
    if purchase.kind == PurchaseKind.GIFT_CARD:
        return instrument.balance
    if instrument.sessions_used >= instrument.sessions_total:
        return 0
    in_use = Redemption.objects.filter(package_purchase=instrument, returned_at__isnull=True)
    used_value = in_use.aggregate(total=Sum("value_amount"))["total"] or 0
    return max(purchase.amount - used_value, 0)


def purchase_refund(*, actor, salon_id: int, purchase_id: uuid.UUID) -> Purchase:
    """Refund the unused part of a paid purchase at the salon; 409 when nothing is left to refund."""
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().filter(pk=purchase_id, salon_id=salon_id).first()
        if purchase is None:
            raise PurchaseNotFound()
        if purchase.status != PurchaseStatus.PAID:
            raise PurchaseNotRefundable()
        instrument = _instrument(purchase)
        amount = _refundable(purchase, instrument)
        if amount <= 0:
            raise PurchaseNotRefundable()
        purchase.status = PurchaseStatus.REFUNDING
        purchase.save(update_fields=["status", "updated_at"])
        instrument.status = InstrumentStatus.REFUNDED
        instrument.save(update_fields=["status"])
    try:
        get_gateway().refund(purchase.id, amount=amount)
    except GatewayError as exc:
        with transaction.atomic():
            Purchase.objects.filter(pk=purchase.pk).update(status=PurchaseStatus.PAID)
            type(instrument).objects.filter(pk=instrument.pk).update(status=InstrumentStatus.ACTIVE)
        raise PurchaseGatewayError() from exc
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().get(pk=purchase.pk)
        purchase.status, purchase.refunded_amount = PurchaseStatus.REFUNDED, amount
        purchase.save(update_fields=["status", "refunded_amount", "updated_at"])
        if purchase.kind == PurchaseKind.GIFT_CARD:
            GiftCard.objects.filter(pk=instrument.pk).update(balance=0)
        books_post_refund(purchase=purchase, amount=amount)
        audit_record(
            actor=actor,
            salon_id=salon_id,
            obj=purchase,
            action=AuditAction.UPDATED,
            before={"status": PurchaseStatus.PAID, "refunded_amount": 0},
            after={"status": PurchaseStatus.REFUNDED, "refunded_amount": amount},
        )
    return purchase
