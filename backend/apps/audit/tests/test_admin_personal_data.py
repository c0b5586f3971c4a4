"""The admin: opening a person's page is recorded; the audit log is searchable, filterable and read-only."""

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.audit.services import audit_record
from apps.bookings.tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = make_user(is_staff=True, is_superuser=True, phone_number="+966559990001")
    client.force_login(user)
    return user


def test_opening_a_users_page_in_the_admin_is_recorded(client, admin):
    person = make_user(first_name="Noura")

    response = client.get(reverse("admin:accounts_user_change", args=[person.pk]), REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id, entry.ip_address, entry.salon) == (
        admin,
        "viewed",
        "user",
        str(person.pk),
        "198.51.100.4",
        None,
    )
    assert entry.object_repr == f"Noura ({person.phone_number[:5]}•••••{person.phone_number[-3:]})"


def test_the_log_is_searchable_by_phone_object_and_action_and_read_only(client, admin):
    someone = make_user(phone_number="+966551230000")
    audit_record(actor=someone, salon_id=None, object_type="customer", object_id=7, object_repr="Reem", action="viewed")
    audit_record(actor=admin, salon_id=None, object_type="export", object_id="x", object_repr="Hind", action="exported")
    changelist = reverse("admin:audit_auditentry_changelist")

    by_phone = client.get(changelist, {"q": "+966551230000"})
    by_object = client.get(changelist, {"q": "Hind"})
    by_action = client.get(changelist, {"action__exact": "viewed"})

    assert [list(r.context["cl"].result_list) for r in (by_phone, by_object, by_action)] == [
        list(AuditEntry.objects.filter(object_repr="Reem")),
        list(AuditEntry.objects.filter(object_repr="Hind")),
        list(AuditEntry.objects.filter(object_repr="Reem")),
    ]
    entry = AuditEntry.objects.first()
    assert client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    with pytest.raises(ValueError):
        entry.delete()
