"""Every message template, in Arabic and English, and how a message is rendered to fit two SMS segments.

Templates are `str.format` strings. Names (salon, service, stylist, customer) come from the
database; when a message would need more than two SMS segments the stylist is left out, then the
weekday, then the longest name is shortened until it fits (Arabic is sent as UCS-2: 134 characters
in two segments, against 306 for plain English). Numbers, money, dates and times are written by
`apps.core.formatting`, as the SPA writes them (Arabic-Indic digits and "ر.س." in Arabic; the year only
when it is not the current one), in the salon's time zone; see docs/runbooks/notifications.md.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from apps.core.formatting import NBSP, format_date, format_datetime, format_money, format_number, format_time

MAX_SEGMENTS = 2
SHORTENABLE = ("salon", "service", "customer")
MIN_NAME_LENGTH = 8
ELLIPSIS = "..."


@dataclass(frozen=True)
class Template:
    ar: str
    en: str
    title: Promise  # the inbox title, translated when read

    def text(self, language: str) -> str:
        return self.ar if language == "ar" else self.en


TEMPLATES: dict[str, Template] = {
    # Customer
    "customer_created_hold": Template(
        ar="حجزك {ref} في {salon}: {service}{with_stylist}، {when}. يرجى الدفع خلال {minutes} لتأكيده.",
        en=(
            "Booking {ref} at {salon}: {service}{with_stylist}, {when}. "
            "Please pay in the app within {minutes} to confirm it."
        ),
        title=_("Complete your payment"),
    ),
    "customer_created_awaiting": Template(
        ar="استلمنا طلب حجزك {ref} في {salon}: {service}{with_stylist}، {when}. سيؤكده الصالون قريبًا.",
        en=(
            "We received your booking {ref} at {salon}: {service}{with_stylist}, {when}. "
            "The salon will confirm it shortly."
        ),
        title=_("Booking request received"),
    ),
    # A waitlist's offer: a freed time held for the customer (the link opens it; no code in it).
    "customer_waitlist_offer": Template(
        ar="موعد متاح في {salon}، {when}. محجوز لك {minutes}: {offer_url}",
        en="A time is free at {salon}, {when}. Held for you for {minutes}: {offer_url}",
        title=_("A time is free for you"),
    ),
    # The salon did not confirm in its window and chose to let such bookings expire.
    "customer_not_confirmed": Template(
        ar="لم يؤكد {salon} حجزك {ref}: {service}، {when}. يمكنك حجز موعد آخر.",
        en="{salon} did not confirm your booking {ref}: {service}, {when}. Please book another time.",
        title=_("Booking not confirmed"),
    ),
    "customer_confirmed": Template(
        ar="تم تأكيد حجزك {ref} في {salon}: {service}{with_stylist}، {when}.",
        en="Your booking {ref} at {salon} is confirmed: {service}{with_stylist}, {when}.",
        title=_("Booking confirmed"),
    ),
    # A booking paid online: its invoice's page (the salon's name and the time say which booking).
    "customer_confirmed_paid": Template(
        ar="تم تأكيد حجزك {ref} في {salon}، {when}. فاتورتك: {invoice_url}",
        en="Booking {ref} at {salon} is confirmed for {when}. Invoice: {invoice_url}",
        title=_("Booking confirmed"),
    ),
    "customer_cancelled_by_customer": Template(
        ar="ألغيت حجزك {ref} في {salon}: {service}{with_stylist}، {when}.{refund}",
        en="You cancelled your booking {ref} at {salon}: {service}{with_stylist}, {when}.{refund}",
        title=_("Booking cancelled"),
    ),
    "customer_cancelled_by_salon": Template(
        ar="نعتذر، ألغى {salon} حجزك {ref}: {service}{with_stylist}، {when}.{refund}",
        en="Sorry, {salon} has cancelled your booking {ref}: {service}{with_stylist}, {when}.{refund}",
        title=_("Booking cancelled"),
    ),
    "customer_cancelled": Template(
        ar="تم إلغاء حجزك {ref} في {salon}: {service}{with_stylist}، {when}.{refund}",
        en="Your booking {ref} at {salon} was cancelled: {service}{with_stylist}, {when}.{refund}",
        title=_("Booking cancelled"),
    ),
    "customer_rescheduled": Template(
        ar="تم تغيير موعد حجزك {ref} في {salon} إلى {when}: {service}{with_stylist}.",
        en="Your booking {ref} at {salon} has moved to {when}: {service}{with_stylist}.",
        title=_("Booking moved"),
    ),
    "customer_stylist_changed": Template(
        ar="تغيّرت المختصة في حجزك {ref} في {salon}، {when}: {service}{with_stylist}.",
        en="Your booking {ref} at {salon}, {when}, has a new stylist: {service}{with_stylist}.",
        title=_("New stylist for your booking"),
    ),
    "customer_reminder": Template(
        ar="تذكير: موعدك في {salon} يوم {when}: {service}{with_stylist}. رقم الحجز {ref}.",
        en="Reminder: your appointment at {salon} is on {when}: {service}{with_stylist}. Booking {ref}.",
        title=_("Appointment reminder"),
    ),
    "customer_payment_received": Template(
        ar="استلمنا دفعتك {amount} لحجز {ref} في {salon}: {service}{with_stylist}، {when}. شكرًا لك.",
        en=(
            "We received your payment of {amount} for booking {ref} at {salon}: {service}{with_stylist}, {when}. "
            "Thank you."
        ),
        title=_("Payment received"),
    ),
    "customer_refund_issued": Template(
        ar="أعدنا {amount} لوسيلة دفعك عن حجز {ref} في {salon}{reason}. قد يستغرق ظهوره بضعة أيام.",
        en="We refunded {amount} for booking {ref} at {salon}{reason}. It may take a few days to appear.",
        title=_("Refund issued"),
    ),
    # Staff member
    "staff_new_confirmed": Template(
        ar="حجز جديد {ref} في {salon}: {customer}، {service}، {when}.",
        en="New booking {ref} at {salon}: {customer}, {service}, {when}.",
        title=_("New booking"),
    ),
    "staff_new_awaiting": Template(
        ar="حجز جديد {ref} في {salon} بانتظار تأكيد الصالون: {customer}، {service}، {when}.",
        en="New booking {ref} at {salon}, awaiting the salon's confirmation: {customer}, {service}, {when}.",
        title=_("New booking"),
    ),
    "staff_cancelled": Template(
        ar="أُلغي الحجز {ref} في {salon}{by}: {customer}، {service}، {when}.",
        en="Booking {ref} at {salon} was cancelled{by}: {customer}, {service}, {when}.",
        title=_("Booking cancelled"),
    ),
    "staff_rescheduled": Template(
        ar="نُقل {ref} في {salon}: {customer}، {service}، من {old_when} إلى {when}.",
        en="Booking {ref} at {salon} has moved from {old_when} to {when}: {customer}, {service}.",
        title=_("Booking moved"),
    ),
    "staff_reassigned_away": Template(
        ar="نُقل الحجز {ref} في {salon}، {old_when}، إلى مختصة أخرى: {customer}، {service}.",
        en="Booking {ref} at {salon}, {old_when}, has moved to another stylist: {customer}, {service}.",
        title=_("Booking moved to another stylist"),
    ),
    # Team
    "staff_added": Template(
        ar="أضافك {salon} إلى فريقه. سجّل الدخول بهذا الرقم لترى مواعيدك.",
        en="{salon} has added you to its team. Sign in with this number to see your bookings.",
        title=_("You were added to a salon's team"),
    ),
    # Google Calendar (apps.google_calendar): inbox only
    "calendar_disconnected": Template(
        ar="توقف ربط تقويم Google بمواعيدك في {salon}. اربطه من جديد ليستمر ظهور حجوزاتك فيه.",
        en="Your Google Calendar is no longer linked to your bookings at {salon}. Connect it again to keep them there.",
        title=_("Google Calendar disconnected"),
    ),
    "calendar_conflict": Template(
        ar="موعد مشغول في تقويم Google يتعارض مع الحجز {ref} في {salon}{with_stylist}، {when}.",
        en="A busy event in Google Calendar overlaps booking {ref} at {salon}{with_stylist}, {when}.",
        title=_("Calendar event overlaps a booking"),
    ),
    # ZATCA e-invoicing (apps.zatca): inbox only, to the salon's managers
    "zatca_certificate_expiring": Template(
        ar="تنتهي شهادة الفوترة الإلكترونية لـ {salon} {when}. جدّدها من الإعدادات برمز من بوابة فاتورة.",
        en="The e-invoicing certificate of {salon} expires {when}. Renew it in the settings with a Fatoora code.",
        title=_("E-invoicing certificate expiring"),
    ),
    "zatca_unit_failed": Template(
        ar="تحتاج وحدة الفوترة الإلكترونية لـ {salon} إلى انتباهك: {reason}",
        en="The e-invoicing unit of {salon} needs your attention: {reason}",
        title=_("E-invoicing unit needs attention"),
    ),
    # Salon managers: what customers do online, and tomorrow's bookings
    "manager_new_awaiting": Template(
        ar="حجز جديد عبر التطبيق {ref} في {salon} ينتظر تأكيدك: {customer}، {service}{with_stylist}، {when}.",
        en=(
            "New online booking {ref} at {salon}, awaiting your confirmation: "
            "{customer}, {service}{with_stylist}, {when}."
        ),
        title=_("New online booking"),
    ),
    "manager_new_booking": Template(
        ar="حجز جديد عبر التطبيق {ref} في {salon}: {customer}، {service}{with_stylist}، {when}.",
        en="New online booking {ref} at {salon}: {customer}, {service}{with_stylist}, {when}.",
        title=_("New online booking"),
    ),
    "manager_cancelled": Template(
        ar="ألغى العميل الحجز {ref} في {salon}: {customer}، {service}{with_stylist}، {when}.",
        en="The customer cancelled booking {ref} at {salon}: {customer}, {service}{with_stylist}, {when}.",
        title=_("Booking cancelled"),
    ),
    "manager_rescheduled": Template(
        ar="نقل العميل الحجز {ref} في {salon} إلى {when}: {customer}، {service}{with_stylist}.",
        en="The customer moved booking {ref} at {salon} to {when}: {customer}, {service}{with_stylist}.",
        title=_("Booking moved"),
    ),
}

# Tomorrow's bookings (`render_agenda`): a header, one line per booking, and what is said of those that
# did not fit. Its inbox title is the event's name.
AGENDA_HEADER = {
    "ar": "حجوزات الغد في {salon}، {day}: {count}",
    "en": "Tomorrow's bookings at {salon}, {day}: {count}",
}
AGENDA_LINE = {"ar": "{time} {customer}، {service} مع {stylist}", "en": "{time} {customer}, {service} with {stylist}"}
AGENDA_MORE = {"ar": "و{count} غيرها في التطبيق.", "en": "And {count} more in the app."}
# Tomorrow's bookings may take up to four SMS parts (the inbox shows the same text).
AGENDA_MAX_SEGMENTS = 4

# Pieces that templates take as values, keyed by name then language.
PHRASES: dict[str, dict[str, str]] = {
    "with_stylist": {"ar": " مع {stylist}", "en": " with {stylist}"},
    "a_customer": {"ar": "عميل", "en": "a customer"},
    "refund": {"ar": " سيُعاد أي مبلغ دفعته كاملًا.", "en": " Any payment will be refunded in full."},
    "by_customer": {"ar": " بطلب من العميل", "en": " by the customer"},
    "by_salon": {"ar": " من قِبل الصالون", "en": " by the salon"},
    "by_admin": {"ar": " من قِبل فريق الدعم", "en": " by the support team"},
    "reason_booking_cancelled": {"ar": " بسبب إلغاء الحجز", "en": " as the booking was cancelled"},
    "reason_slot_taken": {"ar": " لأن الموعد لم يعد متاحًا", "en": " as the time was no longer free"},
    "reason_duplicate_payment": {"ar": " لأنها دفعة مكررة", "en": " as it was paid twice"},
}


def phrase(name: str, language: str, **values: str) -> str:
    return PHRASES[name][language].format(**values)


def format_when(
    instant: datetime, tz: ZoneInfo, language: str, *, weekday: bool = True, now: datetime | None = None
) -> str:
    """`الخميس، ٥ مارس في ٤:٣٠ م` / `Thursday, March 5 at 4:30 PM` in the salon's time zone, with the year
    when it is not the current one there."""
    return format_datetime(instant, tz=tz, language=language, weekday=weekday, now=now)


def format_day(day: date, language: str, *, today: date | None = None) -> str:
    """`الجمعة، ٦ مارس` / `Friday, March 6` (the year when not `today`'s)."""
    return format_date(day, language=language, today=today)


def format_clock(instant: datetime, tz: ZoneInfo, language: str) -> str:
    """`٤:٣٠ م` / `4:30 PM`, in the salon's time zone."""
    return format_time(instant, tz=tz, language=language)


def format_minutes(minutes: int, language: str) -> str:
    """A duration in minutes with Arabic's number agreement (دقيقة واحدة، دقيقتين، ٣ دقائق، ١٥ دقيقة)."""
    number = format_number(minutes, language=language)
    if language == "en":
        return "1 minute" if minutes == 1 else f"{number} minutes"
    if minutes == 1:
        return "دقيقة واحدة"
    if minutes == 2:
        return "دقيقتين"
    if 3 <= minutes % 100 <= 10:
        return f"{number} دقائق"
    return f"{number} دقيقة"


def format_amount(amount: int, currency: str, language: str) -> str:
    """Halalas as `‏١١٥٫٠٠ ر.س.‏` / `SAR 115.00`. In English the no-break space becomes a plain one: it has
    no GSM-7 code, so it alone would send the whole SMS as UCS-2, in parts of 67 characters, not 153."""
    text = format_money(amount, language=language, currency=currency)
    return text if language == "ar" else text.replace(NBSP, " ")


# --- SMS length ---------------------------------------------------------------------------------

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")


def sms_segments(text: str) -> int:
    """How many SMS parts `text` takes: GSM-7 (160 alone, 153 per part) when every character has a
    GSM-7 code, else UCS-2 (70 alone, 67 per part, counted in UTF-16 units)."""
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        units = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
        single, per_part = 160, 153
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, per_part = 70, 67
    return 1 if units <= single else math.ceil(units / per_part)


def render(template_key: str, *, language: str, values: dict[str, str]) -> str:
    """The template filled with `values`, within two SMS segments. When it would not fit, the stylist
    (`values["stylist"]`, shown as " with <stylist>") is left out, then the weekday (`when_short`,
    `old_when_short` replace `when`, `old_when`), then the longest name is shortened."""
    text = TEMPLATES[template_key].text(language)
    values = dict(values)
    stylist = values.pop("stylist", "")
    values["with_stylist"] = phrase("with_stylist", language, stylist=stylist) if stylist else ""
    shorter_steps = (
        {"with_stylist": ""},
        {"when": values.get("when_short") or values.get("when"), "old_when": values.get("old_when_short")},
    )
    body = text.format(**values)
    for step in shorter_steps:
        if sms_segments(body) <= MAX_SEGMENTS:
            return body
        values.update({key: value for key, value in step.items() if value is not None})
        body = text.format(**values)
    while sms_segments(body) > MAX_SEGMENTS:
        names = [name for name in SHORTENABLE if len(values.get(name, "")) > MIN_NAME_LENGTH]
        if not names:
            break
        longest = max(names, key=lambda name: len(values[name]))
        kept = max(MIN_NAME_LENGTH - len(ELLIPSIS), len(values[longest]) - len(ELLIPSIS) - 4)
        values[longest] = values[longest][:kept].rstrip() + ELLIPSIS
        body = text.format(**values)
    return body


@dataclass(frozen=True)
class AgendaLine:
    """One of tomorrow's bookings, its names already in the reader's language."""

    start: datetime
    customer: str
    service: str
    stylist: str


def render_agenda(*, language: str, salon: str, day: date, tz: ZoneInfo, lines: list[AgendaLine]) -> str:
    """Tomorrow's bookings of a salon: a header with their number, then one line per booking, in
    start order, as many as fit in AGENDA_MAX_SEGMENTS SMS parts; the rest are counted."""
    today = timezone.now().astimezone(tz).date()
    header = AGENDA_HEADER[language].format(
        salon=salon, day=format_day(day, language, today=today), count=format_number(len(lines), language=language)
    )
    rendered = [
        AGENDA_LINE[language].format(
            time=format_clock(line.start, tz, language),
            customer=line.customer,
            service=line.service,
            stylist=line.stylist,
        )
        for line in lines
    ]
    more = AGENDA_MORE[language]

    def _more(count: int) -> str:
        return more.format(count=format_number(count, language=language))

    body = "\n".join([header, _more(len(rendered))]) if rendered else header
    for shown in range(1, len(rendered) + 1):
        candidate = "\n".join([header, *rendered[:shown]])
        if shown < len(rendered):
            candidate += "\n" + _more(len(rendered) - shown)
        if sms_segments(candidate) > AGENDA_MAX_SEGMENTS:
            break
        body = candidate
    return body
