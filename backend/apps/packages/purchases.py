"""Buying a package or a gift card online, through the same gateway as bookings' payments (ADR 0018).

A purchase is created `initiated` with its instrument `pending`, then sent to the gateway (outside
the transaction) with the purchase's id as `given_id` and the SPA's `/purchases/return` page as
callback. Our state follows the gateway's own report (its answer, or a fresh fetch when the browser
returns), never the callback's parameters: money reported for the purchase's exact amount and
currency marks it `paid`, activates the package (its validity starts) or the card, and posts the sale
in the books, once, under the purchase's lock. A report that does not match is left for an operator.
"""

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.payments.providers import GatewayError, GatewayNotFound, GatewayRejected, RemotePayment, get_gateway
from apps.salons.errors import SalonNotFound
from apps.salons.models import Salon

from .books import books_post_sale
from .codes import new_code
from .errors import (
    GiftCardAmountInvalid,
    PackageNotFound,
    PackageNotOnSale,
    PurchaseGatewayError,
    PurchaseNotFound,
    PurchaseRejected,
)
from .models import GiftCard, InstrumentStatus, Package, PackagePurchase, Purchase, PurchaseKind, PurchaseStatus

logger = logging.getLogger(__name__)
PAID_REMOTE = ("paid", "captured")
_CODE_ATTEMPTS = 10


def purchase_callback_url() -> str:
    return f"{settings.FRONTEND_URL}/purchases/return"


def package_buy(*, user, package_id: int, source: dict) -> Purchase:
    """Start buying a package on sale; the result is `initiated` with a `transaction_url`, `paid` or `failed`."""
    with transaction.atomic():
        package = Package.objects.select_related("salon").filter(pk=package_id, salon__is_active=True).first()
        if package is None:
            raise PackageNotFound()
        if not package.is_active:
            raise PackageNotOnSale()
        purchase = _purchase_new(user, package.salon, PurchaseKind.PACKAGE, package.price_amount, package.currency)
        PackagePurchase.objects.create(
            purchase=purchase,
            package=package,
            customer=user,
            sessions_total=package.sessions,
            price_amount=package.price_amount,
        )
    return _send(purchase, source, description=f"Package {package.pk}")


def gift_card_buy(
    *, user, salon_id: int, amount: int, source: dict, recipient_name: str = "", recipient_phone: str = ""
) -> Purchase:
    """Start buying a gift card of `amount` (within the allowed range) for a salon."""
    if not settings.GIFT_CARD_MIN_AMOUNT <= amount <= settings.GIFT_CARD_MAX_AMOUNT:
        raise GiftCardAmountInvalid()
    with transaction.atomic():
        salon = Salon.objects.filter(pk=salon_id, is_active=True).first()
        if salon is None:
            raise SalonNotFound()
        purchase = _purchase_new(user, salon, PurchaseKind.GIFT_CARD, amount, "SAR")
        for attempt in range(_CODE_ATTEMPTS):
            try:
                with transaction.atomic():
                    GiftCard.objects.create(
                        purchase=purchase,
                        salon=salon,
                        code=new_code(),
                        initial_amount=amount,
                        balance=amount,
                        currency="SAR",
                        purchaser=user,
                        recipient_name=recipient_name,
                        recipient_phone=recipient_phone,
                    )
                break
            except IntegrityError:
                if attempt == _CODE_ATTEMPTS - 1:
                    raise
    return _send(purchase, source, description=f"Gift card, salon {salon.pk}")


def _purchase_new(user, salon: Salon, kind: str, amount: int, currency: str) -> Purchase:
    return Purchase.objects.create(
        kind=kind, customer=user, salon=salon, provider=get_gateway().name, amount=amount, currency=currency
    )


def _gateway_source(source: dict) -> dict:
    if source["type"] == "stcpay":
        return {"type": "stcpay", "mobile": source["mobile"]}
    return {"type": source["type"], "token": source["token"]}


def _send(purchase: Purchase, source: dict, *, description: str) -> Purchase:
    try:
        remote = get_gateway().create_payment(
            payment_id=purchase.id,
            amount=purchase.amount,
            currency=purchase.currency,
            description=description,
            callback_url=purchase_callback_url(),
            source=_gateway_source(source),
            metadata={"purchase_id": str(purchase.pk), "kind": purchase.kind},
        )
    except GatewayRejected as exc:
        Purchase.objects.filter(pk=purchase.pk).update(status=PurchaseStatus.FAILED, failure_message=exc.message[:255])
        raise PurchaseRejected() from exc
    except GatewayError as exc:
        # It may exist at the gateway: it stays initiated; the return page's refresh finds out.
        logger.warning("Purchase %s: the gateway failed: %s", purchase.pk, exc)
        raise PurchaseGatewayError() from exc
    return purchase_sync(purchase_id=purchase.id, remote=remote)


def purchase_refresh(*, user, purchase_id: uuid.UUID) -> Purchase:
    """Ask the gateway how `user`'s purchase stands (after the browser's return) and apply it."""
    purchase = Purchase.objects.filter(pk=purchase_id, customer=user).first()
    if purchase is None:
        raise PurchaseNotFound()
    if purchase.status not in (PurchaseStatus.INITIATED, PurchaseStatus.FAILED):
        return purchase
    try:
        remote = get_gateway().fetch_payment(purchase.id)
    except GatewayNotFound:
        return purchase
    except GatewayError as exc:
        raise PurchaseGatewayError() from exc
    return purchase_sync(purchase_id=purchase.id, remote=remote)


# A purchase whose buyer never came back from the payment page is asked about after this long, for
# this long (Moyasar keeps an unfinished 3-D Secure payment open for minutes, not days).
RECONCILE_AFTER = timedelta(minutes=5)
RECONCILE_FOR = timedelta(days=2)


def purchases_reconcile(*, now: datetime | None = None, limit: int = 200) -> int:
    """Ask the gateway about unfinished purchases whose buyer did not return (a closed tab, a lost
    connection), so that money taken always becomes a usable package or card; returns how many were
    settled. Safe on several servers at once: `purchase_sync` locks each row and is idempotent."""
    now = now or timezone.now()
    waiting = Purchase.objects.filter(
        status=PurchaseStatus.INITIATED, created_at__lte=now - RECONCILE_AFTER, created_at__gte=now - RECONCILE_FOR
    ).order_by("created_at")
    settled = 0
    for purchase_id in list(waiting.values_list("id", flat=True)[:limit]):
        try:
            remote = get_gateway().fetch_payment(purchase_id)
        except GatewayNotFound:
            continue
        except GatewayError as exc:  # recorded in the log; the next run asks again
            logger.warning("Purchase %s: the gateway failed while reconciling: %s", purchase_id, exc)
            continue
        if purchase_sync(purchase_id=purchase_id, remote=remote, now=now).status != PurchaseStatus.INITIATED:
            settled += 1
    return settled


def purchase_sync(*, purchase_id: uuid.UUID, remote: RemotePayment, now: datetime | None = None) -> Purchase:
    """Bring the purchase in line with the gateway's report; idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        purchase = Purchase.objects.select_for_update().get(pk=purchase_id)
        purchase.transaction_url = remote.transaction_url or purchase.transaction_url
        if purchase.status not in (PurchaseStatus.INITIATED, PurchaseStatus.FAILED):
            return purchase
        if remote.status in PAID_REMOTE:
            if remote.amount != purchase.amount or remote.currency != purchase.currency:
                logger.error("Purchase %s: the gateway reports %s %s", purchase.pk, remote.amount, remote.currency)
                return purchase
            purchase.status, purchase.paid_at, purchase.failure_message = PurchaseStatus.PAID, now, ""
            purchase.save(update_fields=["status", "paid_at", "failure_message", "transaction_url", "updated_at"])
            _activate(purchase, now)
            books_post_sale(purchase=purchase)
        elif remote.status == "failed" and purchase.status == PurchaseStatus.INITIATED:
            purchase.status, purchase.failure_message = PurchaseStatus.FAILED, remote.message[:255]
            purchase.save(update_fields=["status", "failure_message", "transaction_url", "updated_at"])
        else:
            purchase.save(update_fields=["transaction_url", "updated_at"])
    return purchase


def _activate(purchase: Purchase, now: datetime) -> None:
    if purchase.kind == PurchaseKind.PACKAGE:
        bought = (
            PackagePurchase.objects.select_for_update(of=("self",)).select_related("package").get(purchase=purchase)
        )
        bought.status = InstrumentStatus.ACTIVE
        bought.expires_at = now + timedelta(days=bought.package.validity_days)
        bought.save(update_fields=["status", "expires_at"])
    else:
        card = GiftCard.objects.select_for_update().get(purchase=purchase)
        card.status = InstrumentStatus.ACTIVE
        card.expires_at = now + timedelta(days=settings.GIFT_CARD_VALIDITY_DAYS)
        card.save(update_fields=["status", "expires_at"])
