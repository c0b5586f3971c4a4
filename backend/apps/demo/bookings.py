"""Demo bookings and reviews for `seed_demo`: each salon's reviews, the demo stylist's day and the
demo customer's history.

Demo rows are written directly (they describe the past, which no booking rule allows creating)
and carry references starting with `DMO-`, so a re-run replaces exactly them, except those paid
online (`payments.py`): a payment and its invoices are records that are never deleted. Salon
ratings are recomputed from the reviews, as a real review does.

Every demo booking lies inside its stylist's working hours (hence inside the salon's opening hours)
and outside their time off, whatever the time of day the seed runs: a wished-for start is moved to
the nearest quarter hour where the visit fits, on the same day when it can.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction

from apps.accounts.models import Role, User
from apps.bookings.availability import staff_working_intervals
from apps.bookings.models import Booking, BookingStatus, Review
from apps.bookings.services import salon_rating_recompute
from apps.salons.models import Audience, Salon, Service, StaffMember, TimeOff

REFERENCE_PREFIX = "DMO-"

WOMEN_REVIEWERS = [
    ("+966500000101", "ريم", "الشهري"),
    ("+966500000102", "لمى", "الحربي"),
    ("+966500000103", "جود", "المطيري"),
    ("+966500000104", "دانة", "الزهراني"),
]
MEN_REVIEWERS = [
    ("+966500000111", "فهد", "الغامدي"),
    ("+966500000112", "سلطان", "العنزي"),
    ("+966500000113", "ماجد", "الشمري"),
    ("+966500000114", "عبدالله", "السبيعي"),
]
REVIEWS = [
    (5, "خدمة ممتازة وتعامل راقٍ، والمكان نظيف جدًا. أنصح به."),
    (5, "الموعد كان في وقته تمامًا والنتيجة أجمل من توقعاتي."),
    (4, "تجربة جميلة والأسعار مناسبة، الانتظار كان قليلًا."),
    (4, "Great service and friendly staff. Booking online was easy."),
    (5, "Very professional, I will definitely book again."),
    (3, "النتيجة جيدة لكن الموعد تأخر ربع ساعة."),
    (5, "أفضل تجربة مررت بها، شكرًا للفريق."),
    (4, "Clean place and good value for the price."),
]


@dataclass(frozen=True)
class DemoBookingsResult:
    bookings: int
    reviews: int


@transaction.atomic
def seed_demo_bookings(*, now: datetime, stylist: User, customer: User) -> DemoBookingsResult:
    Booking.objects.filter(reference__startswith=REFERENCE_PREFIX, payments__isnull=True).delete()
    references = (f"{REFERENCE_PREFIX}{number:05d}" for number in range(1, 100_000))
    women = [_reviewer(*person) for person in WOMEN_REVIEWERS]
    men = [_reviewer(*person) for person in MEN_REVIEWERS]

    created = reviews = 0
    for position, salon in enumerate(Salon.objects.filter(is_active=True).order_by("pk")):
        reviewers = men if salon.audience == Audience.MEN else women
        for index in range(len(reviewers) - position % 2):  # three or four reviews, varied per salon
            # One past visit per reviewer and salon, on a day of its own (customers never overlap).
            day = now.astimezone(salon.tz).date() - timedelta(days=2 + 10 * index + position)
            booking = _book(salon, next(references), reviewers[index], day, time(11), BookingStatus.COMPLETED)
            if booking:
                rating, comment = REVIEWS[(position + index) % len(REVIEWS)]
                review = Review.objects.create(
                    booking=booking, salon=salon, customer=booking.customer, rating=rating, comment=comment
                )
                # Written on the evening of the visit, not on the day the seed runs.
                Review.objects.filter(pk=review.pk).update(created_at=booking.end + timedelta(hours=6))
                created += 1
                reviews += 1
        salon_rating_recompute(salon=salon)

    staff_member = StaffMember.objects.filter(user=stylist).select_related("salon").first()
    if staff_member:
        salon = staff_member.salon
        local_now = now.astimezone(salon.tz)
        midnight = datetime.combine(local_now.date(), time.min, tzinfo=salon.tz)
        # One under way when the stylist is at work now, one later, one tomorrow: each after the one before.
        started = max(_floor_to_quarter(local_now - timedelta(minutes=30)), midnight)
        later = _floor_to_quarter(local_now + timedelta(hours=2))
        tomorrow_noon = datetime.combine(local_now.date() + timedelta(days=1), time(12), tzinfo=salon.tz)
        day_of_stylist = [(started, women[0]), (later, women[1]), (tomorrow_noon, women[2])]
        free_from = None
        for position, (start, person) in enumerate(day_of_stylist):
            booking = _book_at(
                staff_member,
                next(references),
                person,
                start,
                BookingStatus.CONFIRMED,
                not_before=free_from,
                any_hour=position == 0,  # the visit under way, even at night (the stylist journey needs one)
            )
            if booking:
                free_from = booking.blocked_until
                created += 1

    # The demo customer: a visit to review and an upcoming appointment.
    first_salon = Salon.objects.filter(is_active=True, audience=Audience.WOMEN).order_by("pk").first()
    if first_salon:
        today = now.astimezone(first_salon.tz).date()
        visits = [
            (today - timedelta(days=6), time(17), BookingStatus.COMPLETED),
            (today + timedelta(days=5), time(19), BookingStatus.CONFIRMED),
        ]
        for day, at, status in visits:
            if _book(first_salon, next(references), customer, day, at, status, avoid=stylist):
                created += 1
    return DemoBookingsResult(bookings=created, reviews=reviews)


def _reviewer(phone_number: str, first_name: str, last_name: str) -> User:
    user, created = User.objects.get_or_create(
        phone_number=phone_number,
        defaults={"first_name": first_name, "last_name": last_name, "role": Role.CUSTOMER, "is_phone_verified": True},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _book(salon, reference, customer, day, at, status, *, avoid: User | None = None) -> Booking | None:
    """A booking at `salon` on `day` at `at`, with the first staff member offering a service."""
    staff_members = StaffMember.objects.filter(salon=salon, is_active=True).order_by("pk")
    if avoid is not None:
        staff_members = staff_members.exclude(user=avoid)
    staff_member = next((member for member in staff_members if member.services.filter(is_active=True).exists()), None)
    if staff_member is None:
        return None
    start = datetime.combine(day, at, tzinfo=salon.tz)
    return _book_at(staff_member, reference, customer, start, status)


def _book_at(
    staff_member: StaffMember,
    reference: str,
    customer: User,
    wished: datetime,
    status: str,
    *,
    not_before: datetime | None = None,
    any_hour: bool = False,
) -> Booking | None:
    """A booking of the stylist's shortest service at the start nearest `wished` inside their working hours
    (`any_hour`: at `wished` itself, so that the stylist's day has a visit under way at any time of day)."""
    service: Service | None = staff_member.services.filter(is_active=True).order_by("duration_minutes", "pk").first()
    if service is None:
        return None
    length = timedelta(minutes=service.duration_minutes + service.buffer_minutes)
    start = wished if any_hour else _start_within_hours(staff_member, wished, length, not_before=not_before)
    if start is None:
        return None
    end = start + timedelta(minutes=service.duration_minutes)
    return Booking.objects.create(
        reference=reference,
        customer=customer,
        salon=staff_member.salon,
        service=service,
        staff=staff_member,
        start=start,
        end=end,
        buffer_minutes=service.buffer_minutes,
        blocked_until=end + timedelta(minutes=service.buffer_minutes),
        price_amount=service.price_amount,
        currency=service.currency,
        status=status,
        created_by=customer,
    )


def _floor_to_quarter(moment: datetime) -> datetime:
    return moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)


def _ceil_to_quarter(moment: datetime) -> datetime:
    floor = _floor_to_quarter(moment)
    return floor if floor == moment else floor + timedelta(minutes=15)


def _start_within_hours(
    staff_member: StaffMember, wished: datetime, length: timedelta, *, not_before: datetime | None
) -> datetime | None:
    """The quarter-hour start nearest `wished` (on its local day when possible, else within two weeks)
    where `length` fits in one of the stylist's working intervals, clear of their time off."""
    tz = staff_member.salon.tz
    wished = wished.astimezone(tz)
    day = wished.date()
    free = _free_intervals(staff_member, day - timedelta(days=14), day + timedelta(days=14))
    candidates = []
    for interval_start, interval_end in free:
        earliest = _ceil_to_quarter(max(interval_start, not_before or interval_start).astimezone(tz))
        latest = _floor_to_quarter((interval_end - length).astimezone(tz))
        if earliest <= latest:
            candidates.append(min(max(wished, earliest), latest))
    same_day = [candidate for candidate in candidates if candidate.astimezone(tz).date() == day]
    return min(same_day or candidates, key=lambda candidate: abs(candidate - wished), default=None)


def _free_intervals(staff_member: StaffMember, first_day: date, last_day: date) -> list[tuple[datetime, datetime]]:
    tz = staff_member.salon.tz
    working = staff_working_intervals(staff_ids=[staff_member.pk], first_day=first_day, last_day=last_day, tz=tz)
    away = list(
        TimeOff.objects.filter(
            staff=staff_member,
            start__lt=datetime.combine(last_day + timedelta(days=2), time.min, tzinfo=tz),
            end__gt=datetime.combine(first_day - timedelta(days=1), time.min, tzinfo=tz),
        ).values_list("start", "end")
    )
    free = []
    for start, end in working[staff_member.pk]:
        pieces = [(start, end)]
        for away_start, away_end in away:
            pieces = [
                piece
                for piece_start, piece_end in pieces
                for piece in ((piece_start, min(piece_end, away_start)), (max(piece_start, away_end), piece_end))
                if piece[0] < piece[1]
            ]
        free.extend(pieces)
    return free
