"""The admin in Arabic: third-party names and the admin's JavaScript strings are translated."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("+966500000099", "admin-password"))
    return client


def test_the_token_blacklist_is_named_in_arabic(admin_client):
    OutstandingToken.objects.create(jti="a-jti", token="a.token", expires_at=timezone.now())
    index = admin_client.get(reverse("admin:index"), headers={"accept-language": "ar"}).text
    changelist = admin_client.get(
        reverse("admin:token_blacklist_outstandingtoken_changelist"), headers={"accept-language": "ar"}
    ).text

    assert "القائمة السوداء للرموز" in index
    assert "رموز التحديث الصادرة" in index
    assert "رموز التحديث الملغاة" in index
    assert "Token Blacklist" not in index
    assert "Outstanding Tokens" not in index
    assert "ينتهي في" in changelist
    assert "معرّف الرمز (jti)" in changelist


def test_the_admins_javascript_catalogue_completes_the_two_box_selector_in_arabic(admin_client):
    catalogue = admin_client.get(reverse("admin:jsi18n"), headers={"accept-language": "ar"}).content.decode()

    # The words SelectFilter2.js puts around a field's name ("Choose all المديرون" before).
    for arabic in ("اختيار كل %s", "إزالة كل %s", "اختيار %s المحددة", "إزالة %s المحددة", "(اضغط للمسح)"):
        assert arabic.encode("unicode_escape").decode() in catalogue or arabic in catalogue
    # Django's own Arabic is kept.
    assert "%s \\u0627\\u0644\\u0645\\u062a\\u0648\\u0641\\u0631\\u0629" in catalogue or "%s المتوفرة" in catalogue


def test_the_salon_page_in_arabic_has_no_half_english_selector_names(admin_client):
    page = admin_client.get(reverse("admin:salons_salon_add"), headers={"accept-language": "ar"}).text

    assert 'data-field-name="المديرون"' in page
    assert reverse("admin:jsi18n") in page
