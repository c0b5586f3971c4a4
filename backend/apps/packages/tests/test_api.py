"""The packages API: who sees and does what (401, 403, 404), and the shapes the SPA reads."""

import pytest
from django.test import override_settings

from apps.audit.models import AuditEntry
from apps.bookings.redemptions import RedemptionRequest
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.packages.codes import display_code
from apps.packages.models import GiftCard, Package, Purchase, PurchaseStatus
from apps.payments.models import FakeGatewayPayment
from apps.salons.tests.factories import make_salon

from .conftest import APPLE_PAY, prepaid

pytestmark = pytest.mark.django_db


def test_anyone_sees_the_packages_a_salon_has_on_sale(package, salon, service):
    Package.objects.create(
        salon=salon, service=service, name_ar="قديم", sessions=3, validity_days=30, price_amount=100, is_active=False
    )

    response = client_for(None).get(f"/api/salons/{salon.pk}/packages/")

    assert response.status_code == 200
    assert [(row["id"], row["sessions"], row["price_amount"]) for row in response.json()] == [(package.pk, 5, 50000)]


def test_a_customer_buys_a_package_and_sees_it_in_their_profile(package, customer, other_customer):
    client = client_for(customer)

    bought = client.post("/api/packages/purchases/", {"package": package.pk, "source": APPLE_PAY}, format="json")
    mine = client.get("/api/packages/purchases/")
    theirs = client_for(other_customer).get("/api/packages/purchases/")

    assert bought.status_code == 201
    assert (bought.json()["status"], bought.json()["amount"], bought.json()["kind"]) == ("paid", 50000, "package")
    [row] = mine.json()
    assert (row["sessions_left"], row["sessions_total"], row["usable"], row["status"]) == (5, 5, True, "active")
    assert row["expires_at"]
    assert theirs.json() == []


def test_buying_needs_a_signed_in_customer(package):
    body = {"package": package.pk, "source": APPLE_PAY}

    response = client_for(None).post("/api/packages/purchases/", body, format="json")

    assert response.status_code == 401
    assert Purchase.objects.count() == 0


def test_booking_with_a_package_through_the_api_costs_nothing(package, customer, buy_package, service, stylist, day):
    bought = buy_package()
    body = {"service": service.pk, "staff": stylist.pk, "start": at(day, "10:00").isoformat(), "package": bought.pk}

    response = client_for(customer).post("/api/bookings/", body, format="json")
    mine = client_for(customer).get("/api/packages/purchases/").json()

    assert response.status_code == 201
    assert (response.json()["price"]["amount"], response.json()["status"]) == (0, "confirmed")
    assert mine[0]["sessions_left"] == 4


def test_booking_with_someone_elses_package_is_a_404(other_customer, buy_package, service, stylist, day):
    bought = buy_package()
    body = {"service": service.pk, "staff": stylist.pk, "start": at(day, "10:00").isoformat(), "package": bought.pk}

    response = client_for(other_customer).post("/api/bookings/", body, format="json")

    assert (response.status_code, response.json()["code"]) == (404, "purchase_not_found")


def test_gift_cards_show_to_their_buyer_and_their_recipient(salon, customer, buy_gift_card):
    recipient = make_user(first_name="Sara")
    card = buy_gift_card(amount=10000, recipient_name="Sara", recipient_phone=recipient.phone_number)

    bought = client_for(customer).get("/api/gift-cards/").json()
    received = client_for(recipient).get("/api/gift-cards/").json()
    stranger = client_for(make_user()).get("/api/gift-cards/").json()

    assert [(row["code"], row["balance"], row["bought_by_me"]) for row in bought] == [
        (display_code(card.code), 10000, True)
    ]
    assert [(row["code"], row["bought_by_me"]) for row in received] == [(display_code(card.code), False)]
    assert stranger == []


def test_a_customer_buys_a_gift_card_through_the_api(salon, customer):
    body = {"salon": salon.pk, "amount": 10000, "source": APPLE_PAY}

    response = client_for(customer).post("/api/gift-cards/", body, format="json")
    too_small = client_for(customer).post("/api/gift-cards/", {**body, "amount": 1}, format="json")

    assert (response.status_code, response.json()["kind"], response.json()["status"]) == (201, "gift_card", "paid")
    assert (too_small.status_code, too_small.json()["code"]) == (400, "gift_card_amount_invalid")


def test_a_gift_card_for_someone_keeps_their_number_in_e164(salon, customer):
    body = {"salon": salon.pk, "amount": 10000, "source": APPLE_PAY, "recipient_phone": "0551234567"}

    response = client_for(customer).post("/api/gift-cards/", body, format="json")
    wrong = client_for(customer).post("/api/gift-cards/", {**body, "recipient_phone": "12"}, format="json")

    assert response.status_code == 201
    assert GiftCard.objects.get().recipient_phone == "+966551234567"
    assert (wrong.status_code, wrong.json()["code"]) == (400, "invalid_phone")


def test_a_code_shows_its_balance_and_an_unknown_code_is_a_404(customer, buy_gift_card):
    card = buy_gift_card(amount=10000)
    client = client_for(make_user())

    found = client.get(f"/api/gift-cards/{display_code(card.code)}/")
    unknown = client.get("/api/gift-cards/ZZZZ-ZZZZ-ZZZZ/")

    assert (found.status_code, found.json()["balance"], found.json()["status"]) == (200, 10000, "active")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "gift_card_not_found")


@override_settings(THROTTLE_RATES={"gift_card_check": "2/m"})
def test_checking_codes_is_throttled(customer):
    client = client_for(customer)

    codes = [client.get("/api/gift-cards/ZZZZ-ZZZZ-ZZZ{n}/").status_code for n in range(3)]

    assert codes == [404, 404, 429]


def test_a_manager_adds_changes_and_deletes_packages(salon, service, manager):
    client = client_for(manager)
    body = {"service": service.pk, "name_ar": "٣ جلسات", "sessions": 3, "validity_days": 60, "price_amount": 30000}

    created = client.post(f"/api/manage/salons/{salon.pk}/packages/", body, format="json")
    package_id = created.json()["id"]
    changed = client.patch(f"/api/manage/salons/{salon.pk}/packages/{package_id}/", {"sessions": 4}, format="json")
    listed = client.get(f"/api/manage/salons/{salon.pk}/packages/")
    deleted = client.delete(f"/api/manage/salons/{salon.pk}/packages/{package_id}/")

    assert created.status_code == 201
    assert (changed.status_code, changed.json()["sessions"], changed.json()["price_amount"]) == (200, 4, 30000)
    assert [row["id"] for row in listed.json()] == [package_id]
    assert deleted.status_code == 204
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "created",
        "updated",
        "deleted",
    ]


def test_a_bought_package_is_taken_off_sale_instead_of_deleted(salon, package, manager, buy_package):
    buy_package()

    response = client_for(manager).delete(f"/api/manage/salons/{salon.pk}/packages/{package.pk}/")

    assert (response.status_code, response.json()["is_active"]) == (200, False)


def test_customers_get_403_and_other_salons_managers_404(salon, service, package, customer):
    other_manager = make_user(role="manager")
    make_salon().managers.add(other_manager)
    url = f"/api/manage/salons/{salon.pk}/packages/"

    assert client_for(customer).get(url).status_code == 403
    assert client_for(other_manager).get(url).status_code == 404
    assert client_for(other_manager).delete(f"{url}{package.pk}/").status_code == 404
    assert client_for(other_manager).get(f"/api/manage/salons/{salon.pk}/purchases/").status_code == 404


def test_a_manager_refunds_the_unused_sessions_pro_rata(salon, manager, buy_package, book, customer):
    bought = buy_package()
    book(redemption=RedemptionRequest(package=bought.pk))
    book("12:00", redemption=RedemptionRequest(package=bought.pk))
    purchase_id = bought.purchase_id

    response = client_for(manager).post(f"/api/manage/salons/{salon.pk}/purchases/{purchase_id}/refund/")
    again = client_for(manager).post(f"/api/manage/salons/{salon.pk}/purchases/{purchase_id}/refund/")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["refunded_amount"]) == ("refunded", 30000)
    assert (again.status_code, again.json()["code"]) == (409, "purchase_not_refundable")
    assert prepaid() == 0
    assert Purchase.objects.get(pk=purchase_id).status == PurchaseStatus.REFUNDED
    assert FakeGatewayPayment.objects.get(pk=purchase_id).refunded == 30000
