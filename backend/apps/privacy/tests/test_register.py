from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.bookings.tests.conftest import client_for, make_user
from apps.privacy.models import DataSubjectRequest, RequestKind, RequestStatus
from apps.privacy.services import data_request_record

pytestmark = pytest.mark.django_db


def test_a_request_is_due_thirty_days_later_and_keeps_the_subjects_id_after_deletion():
    user = make_user()
    entry = data_request_record(kind=RequestKind.EXPORT, subject=user)
    assert entry.status == RequestStatus.COMPLETED
    assert entry.due_at == entry.requested_at + timedelta(days=30)
    assert entry.completed_at == entry.requested_at
    user_id = user.pk
    user.delete()
    entry.refresh_from_db()
    assert entry.subject is None
    assert entry.subject_user_id == user_id


def test_check_privacy_requests_exits_non_zero_listing_overdue_open_requests():
    user = make_user()
    long_ago = timezone.now() - timedelta(days=31)
    overdue = data_request_record(kind=RequestKind.DELETION, subject=user, status=RequestStatus.RECEIVED, now=long_ago)
    data_request_record(kind=RequestKind.EXPORT, subject=user, now=long_ago)  # answered in time
    data_request_record(kind=RequestKind.CORRECTION, subject=user, status=RequestStatus.RECEIVED)  # not due yet
    out = StringIO()
    with pytest.raises(CommandError, match="1 overdue"):
        call_command("check_privacy_requests", stdout=out)
    assert f"#{overdue.pk} deletion user {user.pk}" in out.getvalue()


def test_check_privacy_requests_is_quiet_when_nothing_is_overdue():
    out = StringIO()
    call_command("check_privacy_requests", stdout=out)
    assert "No overdue" in out.getvalue()


def test_the_admin_lists_the_register_with_an_overdue_filter_and_no_edits():
    admin = make_user(is_superuser=True, is_staff=True)
    user = make_user()
    old = data_request_record(
        kind=RequestKind.DELETION, subject=user, status=RequestStatus.RECEIVED, now=timezone.now() - timedelta(days=40)
    )
    recent = data_request_record(kind=RequestKind.EXPORT, subject=user)
    client = client_for(admin)
    client.force_login(admin)
    url = "/admin/privacy/datasubjectrequest/"
    response = client.get(url)
    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [recent, old]
    overdue = client.get(url, {"overdue": "yes"})
    assert list(overdue.context["cl"].queryset) == [old]
    assert client.get(f"{url}add/").status_code == 403
    assert DataSubjectRequest.objects.count() == 2
