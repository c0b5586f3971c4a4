"""Every endpoint of /api/manage/, every method: a customer and a stylist are refused (403), and a
manager reaching into a salon they do not run finds nothing (404), and changes nothing."""

import pytest
from django.urls import get_resolver, reverse

from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import client_for
from apps.salons.tests.factories import make_service, make_staff

pytestmark = pytest.mark.django_db

BODY = {"name_en": "x", "notes": "x", "hours": [], "start": "2030-01-01T10:00:00+03:00"}


def _manage_routes():
    """(url name, view class, url kwargs names) of every /api/manage/ route."""
    _prefix, namespace = get_resolver().namespace_dict["backoffice"]
    return [
        (pattern.name, pattern.callback.view_class, list(pattern.pattern.converters))
        for pattern in namespace.url_patterns
    ]


ROUTES = _manage_routes()


def _methods(view_class) -> list[str]:
    return [method for method in ("get", "post", "put", "patch", "delete") if hasattr(view_class, method)]


def _kwargs(names, salon, staff, service, customer) -> dict:
    values = {"salon_id": salon.pk, "staff_id": staff.pk, "service_id": service.pk, "user_id": customer.pk}
    return {name: values.get(name, 1) for name in names}


def _call(client, method: str, url: str):
    if method in ("get", "delete"):
        return getattr(client, method)(url)
    return getattr(client, method)(url, BODY, format="json")


def test_every_manage_route_is_covered():
    assert {name for name, _view, _kwargs in ROUTES} >= {"salon-list", "salon-detail", "audit", "calendar"}


@pytest.mark.parametrize("name, view_class, kwarg_names", ROUTES, ids=[route[0] for route in ROUTES])
def test_customers_and_stylists_are_refused_everywhere(name, view_class, kwarg_names, salon, stylist_user, customer):
    staff = stylist_user.staff_profile
    url = reverse(f"backoffice:{name}", kwargs=_kwargs(kwarg_names, salon, staff, staff.services.first(), customer))
    for user in (customer, stylist_user):
        for method in _methods(view_class):
            response = _call(client_for(user), method, url)
            assert (method, response.status_code, response.json()["code"]) == (method, 403, "not_a_manager")


@pytest.mark.parametrize("name, view_class, kwarg_names", ROUTES, ids=[route[0] for route in ROUTES])
def test_another_salons_objects_are_not_found(name, view_class, kwarg_names, manager_client, other_salon, customer):
    if "salon_id" not in kwarg_names:
        pytest.skip("not scoped to a salon")
    service = make_service(other_salon)
    staff = make_staff(other_salon, [service])
    url = reverse(f"backoffice:{name}", kwargs=_kwargs(kwarg_names, other_salon, staff, service, customer))
    for method in _methods(view_class):
        response = _call(manager_client, method, url)
        assert (method, response.status_code) == (method, 404), response.content
    assert AuditEntry.objects.count() == 0
