"""No-show protection in the back office (ADR 0016): the salon's policy is checked as a whole, the
public page tells it, and repeat offenders prepay in full until the manager forgives a no-show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.bookings.models import BookingStatus, PaymentMode
from apps.bookings.tests.conftest import client_for, make_user

from .conftest import make_booking, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "body, code",
    [
        ({"no_show_policy": "deposit"}, "deposit_required"),
        ({"no_show_policy": "deposit", "deposit_percent": 20, "deposit_amount": 5000}, "deposit_one_of"),
        ({"deposit_percent": 20}, "deposit_without_policy"),
        ({"no_show_policy": "card_hold", "requires_prepayment": True}, "no_show_policy_with_prepayment"),
        ({"no_show_policy": "card_hold"}, "card_hold_horizon_too_long"),
        ({"no_show_fee_percent": 0}, "min_value"),
    ],
)
def test_combinations_that_do_not_hold_together_are_refused(manager_client, salon, body, code):
    response = manager_client.patch(url(salon), body, format="json")

    assert (response.status_code, response.json()["code"]) == (400, code)
    salon.refresh_from_db()
    assert (salon.no_show_policy, salon.deposit_percent) == ("none", None)


def test_a_deposit_policy_is_saved_audited_and_shown_on_the_public_page(manager_client, salon, api_client):
    response = manager_client.patch(
        url(salon),
        {"no_show_policy": "deposit", "deposit_percent": 25, "no_show_fee_percent": 50, "no_show_limit": 2},
        format="json",
    )

    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("no_show_policy", "deposit_percent", "deposit_amount")} == {
        "no_show_policy": "deposit",
        "deposit_percent": 25,
        "deposit_amount": None,
    }
    assert AuditEntry.objects.get().changes["no_show_policy"] == ["none", "deposit"]
    public = api_client.get(f"/api/salons/{salon.pk}/", headers={"Accept-Language": "en"}).json()["no_show_policy"]
    assert (public["policy"], public["deposit_percent"], public["no_show_fee_percent"]) == ("deposit", 25, 50)
    assert public["text"].startswith("A deposit of 25% of the price is paid online when you book")
    arabic = api_client.get(f"/api/salons/{salon.pk}/", headers={"Accept-Language": "ar"}).json()["no_show_policy"]
    assert arabic["text"] != public["text"] and arabic["text"]


def test_a_fixed_deposit_replaces_a_percentage_and_leaving_the_policy_clears_it(manager_client, salon):
    manager_client.patch(url(salon), {"no_show_policy": "deposit", "deposit_percent": 25}, format="json")

    manager_client.patch(url(salon), {"deposit_amount": 5000}, format="json")
    salon.refresh_from_db()
    assert (salon.deposit_percent, salon.deposit_amount) == (None, 5000)

    manager_client.patch(url(salon), {"no_show_policy": "none"}, format="json")
    salon.refresh_from_db()
    assert (salon.no_show_policy, salon.deposit_percent, salon.deposit_amount) == ("none", None, None)


@pytest.fixture
def offender(salon, stylist, service, customer):
    """A customer with two no-shows at a salon whose limit is two."""
    salon.no_show_limit = 2
    salon.save(update_fields=["no_show_limit"])
    past = timezone.now() - timedelta(days=10)
    for days in (0, 2):
        make_booking(stylist, service, customer, past + timedelta(days=days), status=BookingStatus.NO_SHOW)
    return customer


def test_a_repeat_offender_prepays_in_full_until_the_manager_forgives_one(manager_client, salon, offender, book):
    assert book("10:00").payment_mode == PaymentMode.FULL
    listed = manager_client.get(url(salon, "customers/")).json()["results"][0]
    assert (listed["no_show_count"], listed["no_shows_forgiven"]) == (2, 0)

    response = manager_client.post(url(salon, f"customers/{offender.pk}/forgive-no-show/"))

    assert response.status_code == 200
    assert (response.json()["no_show_count"], response.json()["no_shows_forgiven"]) == (1, 1)
    entry = AuditEntry.objects.get(object_type="customer", object_id=str(offender.pk))
    assert entry.changes == {"no_shows_forgiven": [0, 1]}
    assert book("13:00").payment_mode == PaymentMode.SALON


def test_nothing_left_to_forgive_is_a_conflict(manager_client, salon, offender):
    for _ in range(2):
        manager_client.post(url(salon, f"customers/{offender.pk}/forgive-no-show/"))

    response = manager_client.post(url(salon, f"customers/{offender.pk}/forgive-no-show/"))

    assert (response.status_code, response.json()["code"]) == (409, "no_no_show_to_forgive")


def test_stylists_cannot_forgive_and_strangers_are_not_found(manager_client, salon, offender, stylist_user):
    path = url(salon, f"customers/{offender.pk}/forgive-no-show/")
    refused = client_for(stylist_user).post(path)
    stranger = manager_client.post(url(salon, f"customers/{make_user().pk}/forgive-no-show/"))

    assert (refused.status_code, refused.json()["code"]) == (403, "not_a_manager")
    assert (stranger.status_code, stranger.json()["code"]) == (404, "customer_not_found")
    assert AuditEntry.objects.filter(object_type="customer").count() == 0
