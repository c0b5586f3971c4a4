import pytest
from django.core.exceptions import ValidationError

from apps.accounts.models import OTPRequest, User
from apps.accounts.phone import local_format, normalize_phone_number

REQUEST_URL = "/api/auth/phone/request/"


@pytest.mark.parametrize(
    "raw",
    ["0501234567", "501234567", "966501234567", "00966501234567", "+966 50 123 4567", "٠٥٠١٢٣٤٥٦٧", "۰۵۰۱۲۳۴۵۶۷"],
)
def test_every_common_way_of_typing_a_saudi_mobile_gives_e164(raw):
    assert normalize_phone_number(raw) == "+966501234567"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0112345678", "not_mobile"),  # a Riyadh landline
        ("0521234567", "invalid_phone"),  # 052 is not an allocated mobile range
        ("+447911123456", "phone_country_not_allowed"),  # a valid UK mobile
        ("05012345678", "invalid_phone"),  # one digit too many
        ("", "invalid_phone"),
        ("not a number", "invalid_phone"),
        ("0" * 40, "invalid_phone"),
    ],
)
def test_anything_but_a_saudi_mobile_is_refused(raw, code):
    with pytest.raises(ValidationError) as error:
        normalize_phone_number(raw)

    assert error.value.code == code


def test_local_format_is_what_stc_pay_expects():
    assert local_format("+966501234567") == "0501234567"


@pytest.mark.django_db
def test_the_api_refuses_an_invalid_number_in_arabic_by_default(api_client):
    response = api_client.post(REQUEST_URL, {"phone_number": "0521234567"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_phone"
    assert response.json()["errors"] == {"phone_number": ["أدخل رقم جوال سعوديًا صحيحًا، مثل 05XXXXXXXX."]}
    assert OTPRequest.objects.count() == 0


@pytest.mark.django_db
def test_the_api_refuses_an_invalid_number_in_english_when_asked(api_client):
    response = api_client.post(REQUEST_URL, {"phone_number": "0521234567"}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "code": "invalid_phone",
        "errors": {"phone_number": ["Enter a valid Saudi mobile number, e.g. 05XXXXXXXX."]},
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("0112345678", "not_mobile", "Enter a mobile number, not a landline."),
        ("+447911123456", "phone_country_not_allowed", "Phone numbers from this country are not supported."),
    ],
)
def test_the_api_explains_landlines_and_foreign_numbers(api_client, raw, code, message):
    response = api_client.post(REQUEST_URL, {"phone_number": raw}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["errors"] == {"phone_number": [message]}
    assert OTPRequest.objects.count() == 0


@pytest.mark.django_db
def test_the_api_stores_arabic_indic_digits_as_e164(api_client, otp_outbox):
    response = api_client.post(REQUEST_URL, {"phone_number": "٠٥٠١٢٣٤٥٦٧"}, format="json")

    assert response.status_code == 201
    assert OTPRequest.objects.get().phone_number == "+966501234567"
    assert User.objects.count() == 0
