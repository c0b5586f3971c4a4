from datetime import UTC, datetime, timedelta

import pytest
import responses

from apps.accounts.errors import OTPCooldown, OTPIPLimited, OTPSendUnavailable, OTPTooManyRequests
from apps.accounts.models import OTPRequest, OTPStatus, User
from apps.accounts.services import otp_request

PHONE = "+966501234567"
OTHER_PHONE = "+966551234567"
IP = "203.0.113.7"
SEND_URL = "https://api.authentica.sa/api/v2/send-otp"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def otp_limits(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_EXPIRY_MINUTES = 5
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60
    settings.OTP_MAX_PER_WINDOW = 3
    settings.OTP_WINDOW_MINUTES = 15
    settings.OTP_IP_MAX_PER_HOUR = 5


def send(phone=PHONE, *, at, ip=IP, channel="sms"):
    return otp_request(phone_number=phone, channel=channel, ip_address=ip, now=at)


@pytest.mark.django_db
def test_a_sent_code_is_active_hashed_and_expires_later(otp_outbox):
    otp = send(at=T0, channel="whatsapp")

    otp.refresh_from_db()
    code = otp_outbox.code_for(otp.id)
    assert otp.status == OTPStatus.ACTIVE
    assert otp.channel == "whatsapp"
    assert otp.provider == "console"
    assert otp.ip_address == IP
    assert otp.created_at == T0
    assert otp.expires_at == T0 + timedelta(minutes=5)
    assert otp.resend_available_at == T0 + timedelta(seconds=60)
    assert len(code) == 6 and code.isdigit()
    assert len(otp.code_hash) == 64
    assert code not in otp.code_hash


@pytest.mark.django_db
def test_requesting_a_code_creates_no_account(otp_outbox):
    send(at=T0)

    assert User.objects.count() == 0


@pytest.mark.django_db
def test_a_new_code_supersedes_the_previous_one(otp_outbox):
    first = send(at=T0)
    second = send(at=T0 + timedelta(seconds=61))

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == OTPStatus.SUPERSEDED
    assert second.status == OTPStatus.ACTIVE


@pytest.mark.django_db
def test_another_numbers_code_is_not_superseded(otp_outbox):
    mine = send(at=T0)
    send(OTHER_PHONE, at=T0 + timedelta(seconds=1))

    mine.refresh_from_db()
    assert mine.status == OTPStatus.ACTIVE


@pytest.mark.django_db
def test_the_cooldown_refuses_a_resend_and_says_when_it_ends(otp_outbox):
    send(at=T0)

    with pytest.raises(OTPCooldown) as error:
        send(at=T0 + timedelta(seconds=20, milliseconds=500))

    assert error.value.extra == {"retry_after": 40}
    assert error.value.headers == {"Retry-After": "40"}
    assert OTPRequest.objects.count() == 1


@pytest.mark.django_db
def test_a_resend_is_allowed_once_the_cooldown_has_passed(otp_outbox):
    send(at=T0)

    send(at=T0 + timedelta(seconds=60))

    assert OTPRequest.objects.filter(status=OTPStatus.ACTIVE).count() == 1
    assert OTPRequest.objects.count() == 2


@pytest.mark.django_db
def test_at_most_max_per_window_codes_per_number(otp_outbox):
    for minute in (0, 2, 4):
        send(at=T0 + timedelta(minutes=minute))

    with pytest.raises(OTPTooManyRequests) as error:
        send(at=T0 + timedelta(minutes=6))

    # The limit frees when the oldest of the three leaves the 15-minute window: at T0 + 15 min.
    assert error.value.extra == {"retry_after": 9 * 60}
    assert OTPRequest.objects.count() == 3


@pytest.mark.django_db
def test_the_window_frees_when_the_oldest_code_leaves_it(otp_outbox):
    for minute in (0, 2, 4):
        send(at=T0 + timedelta(minutes=minute))

    send(at=T0 + timedelta(minutes=15, seconds=1))

    assert OTPRequest.objects.count() == 4


@pytest.mark.django_db
def test_at_most_ip_max_per_hour_requests_per_address(otp_outbox):
    for index in range(5):
        send(f"+96650000000{index}", at=T0 + timedelta(minutes=index))

    with pytest.raises(OTPIPLimited) as error:
        send(OTHER_PHONE, at=T0 + timedelta(minutes=10))

    assert error.value.extra == {"retry_after": 50 * 60}
    assert not OTPRequest.objects.filter(phone_number=OTHER_PHONE).exists()


@pytest.mark.django_db
def test_another_address_is_not_limited_by_the_first_one(otp_outbox):
    for index in range(5):
        send(f"+96650000000{index}", at=T0 + timedelta(minutes=index))

    otp = send(OTHER_PHONE, at=T0 + timedelta(minutes=10), ip="198.51.100.1")

    assert otp.status == OTPStatus.ACTIVE


@pytest.fixture
def authentica_down(settings):
    """Authentica answers every send with a 500."""
    settings.OTP_PROVIDER = "authentica"
    with responses.RequestsMock() as http:
        http.post(SEND_URL, status=500, json={"message": "Server Error"})
        yield http


@pytest.mark.django_db
def test_a_failed_send_is_recorded_as_failed_never_as_sent(authentica_down):
    with pytest.raises(OTPSendUnavailable):
        send(at=T0)

    otp = OTPRequest.objects.get()
    assert otp.status == OTPStatus.FAILED
    assert otp.provider == "authentica"
    assert otp.failure_reason == "Authentica /api/v2/send-otp: HTTP 500 Server Error"
    assert not OTPRequest.objects.filter(status=OTPStatus.ACTIVE).exists()


@pytest.mark.django_db
def test_failed_sends_count_for_the_address_but_not_for_the_number(authentica_down, settings):
    for second in range(5):
        with pytest.raises(OTPSendUnavailable):
            send(at=T0 + timedelta(seconds=second))
    authentica_down.replace(
        responses.POST, SEND_URL, json={"success": True, "data": None, "message": "OTP send successfully"}
    )

    otp = send(at=T0 + timedelta(seconds=10), ip="198.51.100.1")  # no cooldown from the failed ones
    with pytest.raises(OTPIPLimited):
        send(OTHER_PHONE, at=T0 + timedelta(seconds=10))

    assert otp.status == OTPStatus.ACTIVE
    assert otp.code_hash == ""  # Authentica generates and checks its codes


@pytest.mark.django_db
def test_a_code_still_being_sent_counts_for_the_cooldown(otp_outbox):
    OTPRequest.objects.create(
        phone_number=PHONE,
        channel="sms",
        provider="console",
        ip_address=IP,
        status=OTPStatus.SENDING,
        created_at=T0,
        expires_at=T0 + timedelta(minutes=5),
    )

    with pytest.raises(OTPCooldown):
        send(at=T0 + timedelta(seconds=5))
