"""Fixtures speaking the back office: a salon with its manager, a stylist with an account, a
customer, another salon managed by someone else, and a platform admin."""

import pytest

from apps.bookings.tests.conftest import client_for, make_user
from apps.salons.tests.factories import make_salon, make_service, make_staff


@pytest.fixture
def salon():
    return make_salon()


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def manager_client(manager):
    return client_for(manager)


@pytest.fixture
def service(salon):
    return make_service(salon)


@pytest.fixture
def stylist_user(salon, service):
    user = make_user(first_name="Hessa", role="staff")
    make_staff(salon, [service], user=user)
    return user


@pytest.fixture
def customer():
    return make_user(first_name="Noura")


@pytest.fixture
def other_salon():
    other = make_salon()
    other.managers.add(make_user(role="manager"))
    return other


@pytest.fixture
def admin_user():
    return make_user(is_superuser=True, is_staff=True)
