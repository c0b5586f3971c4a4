from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from apps.notifications.messages import (
    ELLIPSIS,
    PHRASES,
    TEMPLATES,
    format_amount,
    format_minutes,
    format_when,
    phrase,
    render,
    sms_segments,
)

RIYADH = ZoneInfo("Asia/Riyadh")
# "Now" for the dates below: a year's dates are written without the year, others with it.
NOW = datetime(2026, 1, 20, 9, 0, tzinfo=RIYADH)
# A long weekday and month, and the names a real salon might well have.
VISIT = datetime(2026, 9, 30, 12, 45, tzinfo=RIYADH)  # a Wednesday
OLD_VISIT = datetime(2026, 9, 29, 23, 45, tzinfo=RIYADH)
LONG_NAMES = {
    "ar": {
        "salon": "صالون لمسات الجمال النسائي",
        "service": "تسريحة عروس مع مكياج كامل",
        "stylist": "نورة القحطاني",
        "customer": "عبدالرحمن",
    },
    "en": {
        "salon": "Lamasat Ladies Beauty Salon",
        "service": "Bridal hairstyle and full makeup",
        "stylist": "Noura Al-Qahtani",
        "customer": "Abdulrahman",
    },
}


def long_values(language: str, **overrides) -> dict[str, str]:
    values = {
        "ref": "SLN-7KQ2M",
        **LONG_NAMES[language],
        "when": format_when(VISIT, RIYADH, language, now=NOW),
        "when_short": format_when(VISIT, RIYADH, language, weekday=False, now=NOW),
        "old_when": format_when(OLD_VISIT, RIYADH, language, now=NOW),
        "old_when_short": format_when(OLD_VISIT, RIYADH, language, weekday=False, now=NOW),
        "minutes": format_minutes(30, language),
        "amount": format_amount(125000, "SAR", language),
        "refund": phrase("refund", language),
        "by": phrase("by_admin", language),
        "reason": phrase("reason_slot_taken", language),
        "invoice_url": "https://salon.example.sa/bookings/123456/invoice",
        "offer_url": "https://salon.example.sa/waitlist/offers/123456",
    }
    values.update(overrides)
    return values


@pytest.mark.parametrize(
    ("hhmm", "arabic", "english"),
    [
        ((16, 30), "الخميس، ٥ مارس في ٤:٣٠ م", "Thursday, March 5 at 4:30 PM"),
        ((0, 15), "الخميس، ٥ مارس في ١٢:١٥ ص", "Thursday, March 5 at 12:15 AM"),
        ((12, 0), "الخميس، ٥ مارس في ١٢:٠٠ م", "Thursday, March 5 at 12:00 PM"),
        ((9, 5), "الخميس، ٥ مارس في ٩:٠٥ ص", "Thursday, March 5 at 9:05 AM"),
    ],
)
def test_dates_are_gregorian_with_arabic_month_names_and_twelve_hour_times(hhmm, arabic, english):
    visit = datetime(2026, 3, 5, *hhmm, tzinfo=RIYADH)

    assert format_when(visit, RIYADH, "ar", now=NOW) == arabic
    assert format_when(visit, RIYADH, "en", now=NOW) == english


def test_a_booking_next_year_says_its_year():
    visit = datetime(2027, 1, 5, 10, 0, tzinfo=RIYADH)
    december = datetime(2026, 12, 20, 9, 0, tzinfo=RIYADH)

    assert format_when(visit, RIYADH, "ar", now=december) == "الثلاثاء، ٥ يناير ٢٠٢٧ في ١٠:٠٠ ص"
    assert format_when(visit, RIYADH, "en", now=december) == "Tuesday, January 5, 2027 at 10:00 AM"
    assert format_when(visit, RIYADH, "en", now=NOW.replace(year=2027)) == "Tuesday, January 5 at 10:00 AM"


def test_times_are_shown_in_the_salons_time_zone():
    instant = datetime(2026, 1, 31, 22, 30, tzinfo=ZoneInfo("UTC"))

    assert format_when(instant, RIYADH, "ar", now=NOW) == "الأحد، ١ فبراير في ١:٣٠ ص"
    assert format_when(instant, ZoneInfo("Asia/Dubai"), "en", now=NOW) == "Sunday, February 1 at 2:30 AM"
    assert format_when(instant, RIYADH, "ar", weekday=False, now=NOW) == "١ فبراير في ١:٣٠ ص"


@pytest.mark.parametrize(
    ("minutes", "arabic", "english"),
    [
        (1, "دقيقة واحدة", "1 minute"),
        (2, "دقيقتين", "2 minutes"),
        (3, "٣ دقائق", "3 minutes"),
        (10, "١٠ دقائق", "10 minutes"),
        (11, "١١ دقيقة", "11 minutes"),
        (15, "١٥ دقيقة", "15 minutes"),
        (103, "١٠٣ دقائق", "103 minutes"),
        (120, "١٢٠ دقيقة", "120 minutes"),
        (1440, "١٬٤٤٠ دقيقة", "1,440 minutes"),
    ],
)
def test_minutes_agree_with_their_number(minutes, arabic, english):
    assert format_minutes(minutes, "ar") == arabic
    assert format_minutes(minutes, "en") == english


def test_amounts_are_halalas_shown_as_riyals():
    # As the SPA writes them (apps/core/formatting.py), but for a plain space in English, that keeps an
    # English SMS in GSM-7.
    assert format_amount(11500, "SAR", "ar") == "\u200f١١٥٫٠٠\u00a0ر.س.\u200f"
    assert format_amount(11505, "SAR", "en") == "SAR 115.05"
    assert format_amount(99, "SAR", "en") == "SAR 0.99"
    assert format_amount(123456, "SAR", "en") == "SAR 1,234.56"
    assert sms_segments(format_amount(11505, "SAR", "en")) == 1
    assert all(char in "SAR 0123456789.," for char in format_amount(123456, "SAR", "en"))


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # GSM-7 extension characters take two septets
        ("€" * 81, 2),
        ("م" * 70, 1),
        ("م" * 71, 2),
        ("م" * 134, 2),
        ("م" * 135, 3),
        ("a" * 69 + "م", 1),  # one Arabic letter makes the whole message UCS-2
        ("a" * 71 + "…", 2),
    ],
)
def test_sms_segments_follow_gsm7_and_ucs2_limits(text, segments):
    assert sms_segments(text) == segments


def test_every_template_has_an_arabic_and_an_english_text_and_a_title():
    for key, template in TEMPLATES.items():
        assert template.ar.strip() and template.en.strip(), key
        assert template.ar != template.en, key
        assert str(template.title), key
    for name, texts in PHRASES.items():
        assert set(texts) == {"ar", "en"}, name


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("template_key", sorted(TEMPLATES))
def test_every_template_with_long_realistic_values_fits_two_segments_without_cutting_names(template_key, language):
    body = render(template_key, language=language, values=long_values(language))

    assert sms_segments(body) <= 2
    assert ELLIPSIS not in body
    assert "{" not in body and "}" not in body


def test_the_stylist_is_left_out_first_then_the_weekday():
    full = render("customer_confirmed", language="ar", values=long_values("ar"))
    crowded = render("customer_created_hold", language="ar", values=long_values("ar", minutes=format_minutes(15, "ar")))

    assert full == (
        "تم تأكيد حجزك SLN-7KQ2M في صالون لمسات الجمال النسائي: تسريحة عروس مع مكياج كامل مع نورة القحطاني، "
        "الأربعاء، ٣٠ سبتمبر في ١٢:٤٥ م."
    )
    assert crowded == (
        "حجزك SLN-7KQ2M في صالون لمسات الجمال النسائي: تسريحة عروس مع مكياج كامل، ٣٠ سبتمبر في ١٢:٤٥ م. "
        "يرجى الدفع خلال ١٥ دقيقة لتأكيده."
    )


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("template_key", sorted(TEMPLATES))
def test_names_at_their_longest_in_either_script_are_shortened_to_fit(template_key, language):
    """An English message whose salon has no English name carries the Arabic one: it is then UCS-2."""
    arabic_name = "ج" * 120
    values = long_values(
        language, salon=arabic_name, service=arabic_name, customer=arabic_name, minutes=format_minutes(1440, language)
    )

    body = render(template_key, language=language, values=values)

    assert sms_segments(body) <= 2
    assert ELLIPSIS in body


def test_an_arabic_stylist_name_is_left_out_of_an_english_message_rather_than_doubling_its_cost():
    values = long_values("en", stylist="نورة القحطاني")

    body = render("customer_confirmed", language="en", values=values)

    assert body == (
        "Your booking SLN-7KQ2M at Lamasat Ladies Beauty Salon is confirmed: Bridal hairstyle and full makeup, "
        "Wednesday, September 30 at 12:45 PM."
    )
