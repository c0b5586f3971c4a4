"""Every money endpoint under /api/manage/, every method (as the back office's door test walks its own):
a customer and a stylist are refused (403), a manager reaching into a salon they do not run finds
nothing (404) and changes nothing, and nobody signed out gets in (401)."""

import pytest
from django.urls import get_resolver, reverse
from rest_framework.test import APIClient

from apps.accounts.models import OTPRequest
from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import client_for

from ..models import SalonPayoutAccount
from .conftest import IBAN

pytestmark = pytest.mark.django_db

BODY = {"legal_name": "x", "iban": IBAN, "code": "123456", "channel": "sms"}


def _routes():
    _prefix, namespace = get_resolver().namespace_dict["ledger"]
    return [(pattern.name, pattern.callback.view_class) for pattern in namespace.url_patterns]


ROUTES = _routes()


def _methods(view_class) -> list[str]:
    return [method for method in ("get", "post", "put", "patch", "delete") if hasattr(view_class, method)]


def _call(client, method: str, url: str):
    if method in ("get", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, BODY, format="json")


def test_every_route_is_walked():
    assert {name for name, _view in ROUTES} == {
        "balance",
        "statement",
        "statement-csv",
        "statement-xlsx",
        "statement-pdf",
        "statement-alias",
        "statement-csv-alias",
        "statement-xlsx-alias",
        "statement-pdf-alias",
        "payout-list",
        "payout-details",
        "payout-details-code",
    }


@pytest.mark.parametrize("name, view_class", ROUTES, ids=[route[0] for route in ROUTES])
def test_customers_and_stylists_are_refused_everywhere(name, view_class, salon, stylist, customer):
    url = reverse(f"ledger:{name}", kwargs={"salon_id": salon.pk})
    for user in (customer, stylist.user):
        for method in _methods(view_class):
            response = _call(client_for(user), method, url)
            assert (method, response.status_code, response.json()["code"]) == (method, 403, "not_a_manager")
    assert OTPRequest.objects.count() == 0


@pytest.mark.parametrize("name, view_class", ROUTES, ids=[route[0] for route in ROUTES])
def test_another_salons_money_is_not_found(name, view_class, manager_client, other_salon):
    url = reverse(f"ledger:{name}", kwargs={"salon_id": other_salon.pk})
    for method in _methods(view_class):
        response = _call(manager_client, method, url)
        assert (method, response.status_code, response.json()["code"]) == (method, 404, "salon_not_found")
    assert (AuditEntry.objects.count(), OTPRequest.objects.count(), SalonPayoutAccount.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize("name, view_class", ROUTES, ids=[route[0] for route in ROUTES])
def test_nobody_signed_out_gets_in(name, view_class, salon):
    url = reverse(f"ledger:{name}", kwargs={"salon_id": salon.pk})
    for method in _methods(view_class):
        assert _call(APIClient(), method, url).status_code == 401
