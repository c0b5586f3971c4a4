from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.consents import (
    consent_allows,
    consent_history_for_export,
    consent_reply_keyword,
    consent_state,
    consent_update,
    is_stop_keyword,
)
from apps.accounts.models import ConsentChoice

pytestmark = pytest.mark.django_db


def test_defaults_reminders_on_by_sms_and_whatsapp_marketing_off(make_user):
    user = make_user()

    assert consent_state(user=user) == {
        "reminders": {"sms": True, "whatsapp": True, "email": False},
        "marketing": {"sms": False, "whatsapp": False, "email": False},
    }
    assert consent_allows(user, "reminders", "sms") is True
    assert consent_allows(user, "marketing", "sms") is False


def test_the_latest_choice_wins_and_is_read_in_one_query(make_user, django_assert_num_queries):
    user = make_user()
    consent_update(user=user, changes={"marketing": {"sms": True}}, source="app")
    ConsentChoice.objects.filter(user=user).update(at=timezone.now() - timedelta(days=1))
    consent_update(user=user, changes={"marketing": {"sms": False}, "reminders": {"email": True}}, source="app")

    with django_assert_num_queries(1):
        state = consent_state(user=user)

    assert state["marketing"]["sms"] is False
    assert state["reminders"]["email"] is True
    assert consent_allows(user, "marketing", "sms") is False
    assert consent_allows(user.pk, "reminders", "email") is True


def test_update_records_only_actual_changes_with_source_and_wording(make_user, settings):
    settings.CONSENT_WORDING_VERSION = "v-test"
    user = make_user()

    written = consent_update(
        user=user, changes={"reminders": {"sms": True, "whatsapp": False}, "marketing": {"email": False}}, source="app"
    )

    assert [(c.purpose, c.channel, c.granted, c.source, c.wording_version) for c in written] == [
        ("reminders", "whatsapp", False, "app", "v-test")
    ]
    assert ConsentChoice.objects.filter(user=user).count() == 1


def test_consent_allows_channels_outside_consent(make_user):
    assert consent_allows(make_user(), "reminders", "inbox") is True


@pytest.mark.parametrize(
    "text",
    ["STOP", "stop", "  Stop  ", "stop.", "إيقاف", "ايقاف", "أيقاف", " إيقاف ", "إِيقاف", "UNSUBSCRIBE"],
)
def test_stop_keywords(text):
    assert is_stop_keyword(text) is True


@pytest.mark.parametrize("text", ["", "yes", "stop it please", "hello", "توقيف الحجز"])
def test_other_texts_are_not_stop_keywords(text):
    assert is_stop_keyword(text) is False


def test_reply_keyword_withdraws_sms_only_when_it_came_by_sms(make_user):
    user = make_user("+966501234567")
    consent_update(user=user, changes={"marketing": {"sms": True, "whatsapp": True}}, source="app")

    assert consent_reply_keyword(phone_number="0501234567", text="STOP", channel="sms") is True

    state = consent_state(user=user)
    assert state["reminders"] == {"sms": False, "whatsapp": True, "email": False}
    assert state["marketing"] == {"sms": False, "whatsapp": True, "email": False}
    assert set(ConsentChoice.objects.filter(user=user, granted=False).values_list("source", flat=True)) == {
        "sms_keyword"
    }


def test_reply_keyword_by_whatsapp_withdraws_whatsapp_too(make_user):
    user = make_user("+966501234567")

    assert consent_reply_keyword(phone_number="+966501234567", text="إيقاف", channel="whatsapp") is True

    state = consent_state(user=user)
    assert state["reminders"] == {"sms": False, "whatsapp": False, "email": False}


def test_reply_keyword_from_unknown_number_or_other_text_changes_nothing(make_user):
    user = make_user("+966501234567")

    assert consent_reply_keyword(phone_number="+966509999999", text="STOP", channel="sms") is False
    assert consent_reply_keyword(phone_number="not a number", text="STOP", channel="sms") is False
    assert consent_reply_keyword(phone_number="+966501234567", text="thanks", channel="sms") is False
    assert not ConsentChoice.objects.exists()
    assert consent_state(user=user)["reminders"]["sms"] is True


def test_export_is_plain_dicts(make_user, settings):
    settings.CONSENT_WORDING_VERSION = "v-test"
    user = make_user()
    consent_update(user=user, changes={"marketing": {"email": True}}, source="app")

    exported = consent_history_for_export(user)

    assert exported["current"]["marketing"]["email"] is True
    assert exported["wording_version"] == "v-test"
    [row] = exported["history"]
    assert row == {
        "purpose": "marketing",
        "channel": "email",
        "granted": True,
        "at": row["at"],
        "source": "app",
        "wording_version": "v-test",
    }
    assert isinstance(row["at"], str)
