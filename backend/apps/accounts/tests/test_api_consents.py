import pytest

from apps.accounts.models import ConsentChoice

URL = "/api/auth/me/consents/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def client_and_user(api_client, make_user):
    user = make_user()
    api_client.force_authenticate(user)
    return api_client, user


def test_get_returns_defaults_and_empty_history(client_and_user):
    client, _ = client_and_user

    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "reminders": {"sms": True, "whatsapp": True, "email": False},
        "marketing": {"sms": False, "whatsapp": False, "email": False},
        "history": [],
    }


def test_patch_records_one_row_per_change(client_and_user, settings):
    settings.CONSENT_WORDING_VERSION = "v-test"
    client, user = client_and_user

    response = client.patch(URL, {"marketing": {"sms": True}, "reminders": {"sms": True}}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["marketing"] == {"sms": True, "whatsapp": False, "email": False}
    assert body["reminders"]["sms"] is True
    [row] = body["history"]
    assert {key: row[key] for key in ("purpose", "channel", "granted", "source", "wording_version")} == {
        "purpose": "marketing",
        "channel": "sms",
        "granted": True,
        "source": "app",
        "wording_version": "v-test",
    }
    assert ConsentChoice.objects.filter(user=user).count() == 1

    again = client.patch(URL, {"marketing": {"sms": True}}, format="json")
    assert again.status_code == 200
    assert ConsentChoice.objects.filter(user=user).count() == 1


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"newsletter": {"sms": True}}, "newsletter"),
        ({"marketing": {"fax": True}}, "marketing.fax"),
        ({"marketing": {"sms": "yes"}}, "marketing.sms"),
        ({"marketing": {"sms": 1}}, "marketing.sms"),
        ({"reminders": {"email": None}}, "reminders.email"),
        ({"reminders": "off"}, "reminders.non_field_errors"),
    ],
)
def test_patch_refuses_bad_input_and_writes_nothing(client_and_user, payload, field):
    client, _ = client_and_user

    response = client.patch(URL, payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"]
    assert field in response.json()["errors"]
    assert not ConsentChoice.objects.exists()


def test_consents_need_a_signed_in_user(api_client):
    assert api_client.get(URL).status_code == 401
    assert api_client.patch(URL, {"marketing": {"sms": True}}, format="json").status_code == 401
