from datetime import datetime, timedelta

import pytest
import responses

from apps.accounts.models import OTPRequest, OTPStatus, User

REQUEST_URL = "/api/auth/phone/request/"
VERIFY_URL = "/api/auth/phone/verify/"


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60
    settings.OTP_MAX_PER_WINDOW = 5
    settings.OTP_MAX_ATTEMPTS = 5
    settings.OTP_IP_MAX_PER_HOUR = 30
    settings.TRUSTED_PROXY_COUNT = 0


# --- Requesting a code ------------------------------------------------------------------------


@pytest.mark.django_db
def test_requesting_a_code_answers_its_id_and_times(api_client, otp_outbox):
    response = api_client.post(REQUEST_URL, {"phone_number": "0501234567", "channel": "whatsapp"}, format="json")

    otp = OTPRequest.objects.get()
    body = response.json()
    assert response.status_code == 201
    assert set(body) == {"request_id", "expires_at", "resend_available_at"}
    assert body["request_id"] == str(otp.id)
    assert datetime.fromisoformat(body["expires_at"]) == otp.expires_at
    assert datetime.fromisoformat(body["resend_available_at"]) == otp.created_at + timedelta(seconds=60)
    assert body["expires_at"].endswith("+03:00")
    assert (otp.phone_number, otp.channel, otp.status) == ("+966501234567", "whatsapp", OTPStatus.ACTIVE)
    assert otp_outbox.code_for(otp.id) not in response.content.decode()


@pytest.mark.django_db
def test_the_channel_defaults_to_sms(api_client, otp_outbox):
    api_client.post(REQUEST_URL, {"phone_number": "0501234567"}, format="json")

    assert OTPRequest.objects.get().channel == "sms"


@pytest.mark.django_db
def test_known_and_unknown_numbers_get_the_same_answer(api_client, otp_outbox, make_user):
    make_user("+966501234567")

    known = api_client.post(REQUEST_URL, {"phone_number": "0501234567"}, format="json")
    unknown = api_client.post(REQUEST_URL, {"phone_number": "0551234567"}, format="json")

    assert known.status_code == unknown.status_code == 201
    assert set(known.json()) == set(unknown.json())
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_resend_within_the_cooldown_is_429_with_retry_after(api_client, otp_outbox, clock):
    api_client.post(REQUEST_URL, {"phone_number": "0501234567"}, format="json")
    clock.advance(seconds=20)

    response = api_client.post(REQUEST_URL, {"phone_number": "+966 50 123 4567"}, format="json")

    body = response.json()
    assert response.status_code == 429
    assert body["code"] == "otp_cooldown"
    assert body["retry_after"] == 40
    assert response["Retry-After"] == "40"
    assert set(body) == {"detail", "code", "retry_after"}
    assert OTPRequest.objects.count() == 1


@pytest.mark.django_db
def test_too_many_codes_for_one_number_is_429(api_client, otp_outbox, settings, clock):
    settings.OTP_RESEND_COOLDOWN_SECONDS = 0
    for _ in range(5):
        assert api_client.post(REQUEST_URL, {"phone_number": "0501234567"}, format="json").status_code == 201
        clock.advance(minutes=1)

    response = api_client.post(REQUEST_URL, {"phone_number": "0501234567"}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert response.json()["code"] == "otp_too_many_requests"
    assert response.json()["detail"] == "Too many codes were requested for this number. Please try again later."
    assert response.json()["retry_after"] == 10 * 60  # the first code leaves the 15-minute window
    assert response["Retry-After"] == "600"
    assert OTPRequest.objects.count() == 5


def phone(index: int) -> str:
    return f"05000000{index:02d}"


@pytest.mark.django_db
def test_too_many_requests_from_one_address_is_429(api_client, otp_outbox, settings, clock):
    settings.OTP_IP_MAX_PER_HOUR = 3
    settings.TRUSTED_PROXY_COUNT = 1
    for index in range(3):
        response = api_client.post(
            REQUEST_URL, {"phone_number": phone(index)}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.9"
        )
        assert response.status_code == 201

    limited = api_client.post(
        REQUEST_URL, {"phone_number": phone(9)}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    other_address = api_client.post(
        REQUEST_URL, {"phone_number": phone(9)}, format="json", HTTP_X_FORWARDED_FOR="198.51.100.10"
    )

    assert limited.status_code == 429
    assert limited.json()["code"] == "otp_ip_limited"
    assert limited.json()["retry_after"] == 60 * 60
    assert limited["Retry-After"] == "3600"
    assert other_address.status_code == 201
    assert set(OTPRequest.objects.values_list("ip_address", flat=True)) == {"198.51.100.9", "198.51.100.10"}


@pytest.mark.django_db
def test_a_client_supplied_forwarded_for_is_ignored_without_trusted_proxies(api_client, otp_outbox, settings):
    settings.OTP_IP_MAX_PER_HOUR = 2
    for index in range(2):
        api_client.post(
            REQUEST_URL, {"phone_number": phone(index)}, format="json", HTTP_X_FORWARDED_FOR=f"10.0.0.{index}"
        )

    response = api_client.post(REQUEST_URL, {"phone_number": phone(5)}, format="json", HTTP_X_FORWARDED_FOR="10.0.0.99")

    assert response.status_code == 429
    assert response.json()["code"] == "otp_ip_limited"
    assert set(OTPRequest.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@pytest.mark.django_db
def test_a_forged_forwarded_address_falls_back_to_the_peer_address(api_client, otp_outbox, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forged = "x" * 500

    response = api_client.post(
        REQUEST_URL, {"phone_number": "0501234567"}, format="json", HTTP_X_FORWARDED_FOR=forged, REMOTE_ADDR="10.1.2.3"
    )

    assert response.status_code == 201
    assert OTPRequest.objects.get().ip_address == "10.1.2.3"


@pytest.mark.django_db
def test_when_the_provider_fails_nothing_is_recorded_as_sent_and_the_answer_is_503(api_client, settings):
    settings.OTP_PROVIDER = "authentica"
    with responses.RequestsMock() as http:
        http.post("https://api.authentica.sa/api/v2/send-otp", status=500, body="<html>Server Error</html>")

        response = api_client.post(
            REQUEST_URL, {"phone_number": "0501234567"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
        )

    assert response.status_code == 503
    assert response.json() == {
        "detail": "We could not send the code right now. Please try again shortly.",
        "code": "otp_provider_unavailable",
    }
    assert not OTPRequest.objects.filter(status=OTPStatus.ACTIVE).exists()
    assert OTPRequest.objects.get().status == OTPStatus.FAILED


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "phone_number"),
        ({"phone_number": None}, "phone_number"),
        ({"phone_number": ["0501234567"]}, "phone_number"),
        ({"phone_number": {"a": 1}}, "phone_number"),
        ({"phone_number": "05" * 100}, "phone_number"),
        ({"phone_number": "0501234567", "channel": "pigeon"}, "channel"),
        ({"phone_number": "0501234567", "channel": 7}, "channel"),
    ],
)
@pytest.mark.django_db
def test_bad_request_bodies_are_400_with_field_errors(api_client, payload, field):
    response = api_client.post(REQUEST_URL, payload, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert OTPRequest.objects.count() == 0


@pytest.mark.parametrize("url", [REQUEST_URL, VERIFY_URL])
@pytest.mark.django_db
def test_malformed_json_is_400(api_client, url):
    response = api_client.post(url, '{"phone_number": "05', content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize("url", [REQUEST_URL, VERIFY_URL])
@pytest.mark.django_db
def test_a_json_array_body_is_400(api_client, url):
    response = api_client.post(url, ["0501234567"], format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


# --- Verifying a code -------------------------------------------------------------------------


@pytest.mark.django_db
def test_verifying_creates_the_account_and_returns_tokens(api_client, request_code):
    request_id, code = request_code("0501234567")

    response = api_client.post(
        VERIFY_URL,
        {"request_id": request_id, "code": code, "first_name": "Sara", "last_name": "Alharbi"},
        format="json",
    )

    user = User.objects.get()
    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"access", "refresh", "user", "created"}
    assert body["created"] is True
    assert body["user"] == {
        "id": user.id,
        "phone_number": "+966501234567",
        "first_name": "Sara",
        "last_name": "Alharbi",
        "email": None,
        "email_verified": False,
        "pending_email": None,
        "preferred_language": "ar",
        "role": "customer",
        "is_phone_verified": True,
        "salon_alerts_by_sms": True,
        "email_undeliverable": False,
        "booking_emails": True,
        "daily_agenda_by_email": False,
        "manages_salons": False,
    }


@pytest.mark.django_db
def test_verifying_an_existing_number_signs_in_without_creating(api_client, request_code, make_user):
    existing = make_user("+966501234567", first_name="Nora")
    request_id, code = request_code("0501234567")

    response = api_client.post(VERIFY_URL, {"request_id": request_id, "code": code, "first_name": "X"}, format="json")

    assert response.status_code == 200
    assert response.json()["created"] is False
    assert response.json()["user"]["id"] == existing.id
    assert response.json()["user"]["first_name"] == "Nora"
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_code_typed_in_arabic_indic_digits_is_accepted(api_client, request_code):
    request_id, code = request_code()
    arabic_code = code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    response = api_client.post(VERIFY_URL, {"request_id": request_id, "code": arabic_code}, format="json")

    assert response.status_code == 200


def verify(api_client, request_id, code, **extra):
    return api_client.post(VERIFY_URL, {"request_id": request_id, "code": code}, format="json", **extra)


@pytest.mark.django_db
def test_a_wrong_code_is_400_otp_invalid_and_counted(api_client, request_code):
    request_id, code = request_code()

    response = verify(api_client, request_id, "000000" if code != "000000" else "111111", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {"detail": "The code is incorrect.", "code": "otp_invalid"}
    assert OTPRequest.objects.get().attempts == 1
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_used_code_is_400_otp_used(api_client, request_code):
    request_id, code = request_code()
    verify(api_client, request_id, code)

    response = verify(api_client, request_id, code)

    assert response.status_code == 400
    assert response.json()["code"] == "otp_used"


@pytest.mark.django_db
def test_a_superseded_code_is_400_otp_superseded(api_client, request_code, settings):
    settings.OTP_RESEND_COOLDOWN_SECONDS = 0
    old_id, old_code = request_code()
    request_code()

    response = verify(api_client, old_id, old_code)

    assert response.status_code == 400
    assert response.json()["code"] == "otp_superseded"
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_an_expired_code_is_400_otp_expired(api_client, request_code, clock):
    request_id, code = request_code()
    clock.advance(minutes=5)

    response = verify(api_client, request_id, code)

    assert response.status_code == 400
    assert response.json()["code"] == "otp_expired"
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_dead_code_is_400_otp_attempts_exceeded_even_for_the_right_value(api_client, request_code, settings):
    settings.OTP_FAILURES_BEFORE_DELAY = 10  # the code's own limit, without the number's growing delay
    request_id, code = request_code()
    wrong_code = "000000" if code != "000000" else "111111"
    codes = [verify(api_client, request_id, wrong_code).json()["code"] for _ in range(5)]

    response = verify(api_client, request_id, code)

    assert codes == ["otp_invalid"] * 5
    assert response.status_code == 400
    assert response.json()["code"] == "otp_attempts_exceeded"
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_wrong_codes_past_the_free_ones_are_429_with_retry_after_even_for_the_right_code(api_client, request_code):
    request_id, code = request_code()
    wrong_code = "000000" if code != "000000" else "111111"
    codes = [verify(api_client, request_id, wrong_code).json()["code"] for _ in range(3)]

    response = verify(api_client, request_id, code)

    assert codes == ["otp_invalid"] * 3
    assert response.status_code == 429
    assert response.json()["code"] == "otp_verify_throttled"
    assert 1 <= response.json()["retry_after"] <= 10
    assert response["Retry-After"] == str(response.json()["retry_after"])
    assert User.objects.count() == 0


@pytest.mark.parametrize("request_id", ["d2b0c1f4-8a56-4a0e-b2d4-8f4b1c1e0a11", "12345", "x" * 64])
@pytest.mark.django_db
def test_an_unknown_or_malformed_request_id_is_400_otp_invalid(api_client, request_id):
    response = verify(api_client, request_id, "123456")

    assert response.status_code == 400
    assert response.json()["code"] == "otp_invalid"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"code": "123456"}, "request_id"),
        ({"request_id": "d2b0c1f4-8a56-4a0e-b2d4-8f4b1c1e0a11"}, "code"),
        ({"request_id": "x" * 65, "code": "123456"}, "request_id"),
        ({"request_id": "d2b0c1f4-8a56-4a0e-b2d4-8f4b1c1e0a11", "code": "12ab56"}, "code"),
        ({"request_id": "d2b0c1f4-8a56-4a0e-b2d4-8f4b1c1e0a11", "code": "1" * 17}, "code"),
        ({"request_id": ["d2b0c1f4"], "code": "123456"}, "request_id"),
        (
            {"request_id": "d2b0c1f4-8a56-4a0e-b2d4-8f4b1c1e0a11", "code": "123456", "first_name": "a" * 151},
            "first_name",
        ),
    ],
)
@pytest.mark.django_db
def test_bad_verify_bodies_are_400_with_field_errors(api_client, payload, field):
    response = api_client.post(VERIFY_URL, payload, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_the_per_address_limit_counts_an_ipv6_64_network_as_one_address(api_client, otp_outbox, settings):
    settings.OTP_IP_MAX_PER_HOUR = 3
    for index in range(3):
        response = api_client.post(
            REQUEST_URL, {"phone_number": phone(index)}, format="json", REMOTE_ADDR=f"2001:db8:5:6::{index + 1:x}"
        )
        assert response.status_code == 201

    same_network = api_client.post(
        REQUEST_URL, {"phone_number": phone(7)}, format="json", REMOTE_ADDR="2001:db8:5:6:ffff::9"
    )
    next_network = api_client.post(
        REQUEST_URL, {"phone_number": phone(8)}, format="json", REMOTE_ADDR="2001:db8:5:7::1"
    )

    assert (same_network.status_code, same_network.json()["code"]) == (429, "otp_ip_limited")
    assert next_network.status_code == 201
    assert OTPRequest.objects.filter(ip_address="2001:db8:5:6::1").get().ip_network == "2001:db8:5:6::/64"


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_from_a_direct_client_does_not_escape_the_limit(api_client, otp_outbox, settings):
    settings.OTP_IP_MAX_PER_HOUR = 2
    settings.TRUSTED_PROXY_COUNT = 1
    for index in range(2):
        api_client.post(
            REQUEST_URL,
            {"phone_number": phone(index)},
            format="json",
            REMOTE_ADDR="203.0.113.50",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{index}",
        )

    response = api_client.post(
        REQUEST_URL,
        {"phone_number": phone(5)},
        format="json",
        REMOTE_ADDR="203.0.113.50",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )

    assert (response.status_code, response.json()["code"]) == (429, "otp_ip_limited")
    assert set(OTPRequest.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
