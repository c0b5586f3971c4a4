"""Fixtures: a salon with complete legal details and its manager, the fake ZATCA reset around each
test, and an active unit onboarded against the fake."""

import pytest

from apps.bookings.tests.conftest import client_for, make_user
from apps.salons.tests.factories import make_salon
from apps.zatca.providers import FakeZatca
from apps.zatca.services import unit_onboard

LEGAL_DETAILS = {
    "legal_name": "شركة صالون الاختبار | Test Salon LLC",
    "vat_number": "399999999900003",
    "cr_number": "1010010000",
    "building_number": "2322",
    "street": "Prince Sultan",
    "district_name": "Al-Murabba",
    "city_name": "Riyadh",
    "postal_code": "23333",
}


@pytest.fixture(autouse=True)
def _fake_zatca():
    FakeZatca.reset()
    yield
    FakeZatca.reset()


@pytest.fixture
def salon():
    return make_salon(**LEGAL_DETAILS)


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def manager_client(manager):
    return client_for(manager)


@pytest.fixture
def active_unit(salon):
    return unit_onboard(salon_id=salon.pk, otp="123345")
