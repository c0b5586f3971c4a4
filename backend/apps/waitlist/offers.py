"""Offering freed times to the line: the earliest-joined waiting entry that a free start matches gets
it, held for it as a pending booking for `WAITLIST_OFFER_MINUTES`.

Exactly once per freed time, in order of joining, on any number of servers: each offer is one
transaction that first takes the salon's waitlist lock (so runs for one salon take turns and each sees
what the one before it offered), then locks the waiting entries (`skip_locked`: an entry a customer is
leaving is passed over), reads the line from its head, and books through
`bookings.services.booking_create`, which checks the start with the availability engine under the
stylists' locks; the bookings' exclusion constraints make a second hold of one time impossible whatever
happens. A start found for an entry goes to the earliest-joined entry for the same service it matches
(a time that freed while the line was being read is not taken by a later entry). An entry is never
offered a start it was offered before.
Runs: `waitlist_offer` (cron, every minute: also new hours, time off removed, expired entries) and
right after a booking that freed time commits (`reactions.py`).
"""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.bookings.availability import slot_list_available
from apps.bookings.errors import ErrorCode as BookingErrorCode
from apps.bookings.services import booking_create
from apps.core.exceptions import AppError
from apps.core.locks import lock_name

from .models import EntryStatus, WaitlistEntry, WaitlistOffer

logger = logging.getLogger(__name__)

# Refusals about the time (another start may still do); any other refusal is about the customer or the
# salon (caps, blocked, inactive), so the entry is passed over this time.
_TIME_REFUSALS = frozenset(
    {
        BookingErrorCode.SLOT_UNAVAILABLE,
        BookingErrorCode.CUSTOMER_OVERLAP,
        BookingErrorCode.START_IN_PAST,
        BookingErrorCode.LEAD_TIME_NOT_MET,
        BookingErrorCode.BEYOND_BOOKING_HORIZON,
        BookingErrorCode.SLOT_NOT_ON_GRID,
    }
)
# Starts tried per entry and run: enough for a race lost, few enough to keep a run short.
STARTS_TRIED = 5
ENTRIES_PER_SALON_RUN = 200


def salon_lock(salon_id: int) -> None:
    lock_name(f"waitlist-salon:{salon_id}")


def entry_starts(
    entry: WaitlistEntry, *, now: datetime, offered_before: set[datetime]
) -> list[tuple[datetime, tuple[int, ...]]]:
    """The starts (with the stylists free at each) the availability engine offers now within the entry's
    window, earliest first, less those offered to it before."""
    salon = entry.salon
    first_day = max(entry.date_from, now.astimezone(salon.tz).date())
    if first_day > entry.date_to:
        return []
    days = slot_list_available(
        salon=salon,
        service=entry.service,
        start_date=first_day,
        days=(entry.date_to - first_day).days + 1,
        staff_id=entry.staff_id,
        now=now,
    )
    return [
        (slot.start, slot.staff_ids)
        for day in sorted(days)
        for slot in days[day]
        if slot.start not in offered_before and in_window(entry, slot.start)
    ]


def in_window(entry: WaitlistEntry, start: datetime) -> bool:
    local = start.astimezone(entry.salon.tz)
    if not entry.date_from <= local.date() <= entry.date_to:
        return False
    return entry.time_from is None or entry.time_from <= local.time() < entry.time_to


def _takers(
    entries: list[WaitlistEntry], index: int, start: datetime, staff_ids: tuple[int, ...], offered: dict
) -> list[WaitlistEntry]:
    """Who may take a start found for `entries[index]`, in line order: an earlier entry for the same
    service that it matches too (the time freed while the line was being read), then the entry itself."""
    entry = entries[index]
    earlier = [
        other
        for other in entries[:index]
        if other.service_id == entry.service_id
        and (other.staff_id is None or other.staff_id in staff_ids)
        and start not in offered.get(other.pk, set())
        and in_window(other, start)
    ]
    return [*earlier, entry]


def _hold(entry: WaitlistEntry, start: datetime, *, now: datetime) -> WaitlistOffer:
    hold_until = now + timedelta(minutes=settings.WAITLIST_OFFER_MINUTES)
    booking = booking_create(
        actor=entry.customer,
        service_id=entry.service_id,
        start=start,
        staff_id=entry.staff_id,
        hold_until=hold_until,
        event_data={"waitlist_offer": True, "hold_minutes": settings.WAITLIST_OFFER_MINUTES},
        now=now,
    )
    offer = WaitlistOffer.objects.create(entry=entry, booking=booking, start=start, expires_at=hold_until)
    entry.status = EntryStatus.OFFERED
    entry.save(update_fields=["status", "updated_at"])
    logger.info("Waitlist entry %s offered booking %s", entry.pk, booking.pk)
    return offer


def _offer_next(*, salon_id: int, now: datetime) -> WaitlistOffer | None:
    """One offer (one transaction): the first start free for the line, read from its head, to the
    earliest-joined entry it matches."""
    with transaction.atomic():
        salon_lock(salon_id)
        entries = list(
            WaitlistEntry.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("salon", "service", "customer")
            .filter(salon_id=salon_id, status=EntryStatus.WAITING)
            .order_by("created_at", "pk")[:ENTRIES_PER_SALON_RUN]
        )
        offered: dict[int, set[datetime]] = {}
        for entry_id, start in WaitlistOffer.objects.filter(entry__in=entries).values_list("entry_id", "start"):
            offered.setdefault(entry_id, set()).add(start)
        passed_over: set[int] = set()
        for index, entry in enumerate(entries):
            if entry.pk in passed_over:
                continue
            starts = entry_starts(entry, now=now, offered_before=offered.get(entry.pk, set()))
            for start, staff_ids in starts[:STARTS_TRIED]:
                for taker in _takers(entries, index, start, staff_ids, offered):
                    if taker.pk in passed_over:
                        continue
                    try:
                        return _hold(taker, start, now=now)
                    except AppError as exc:
                        if exc.code == BookingErrorCode.SLOT_UNAVAILABLE:
                            break  # taken meanwhile, for everyone: the next start
                        if exc.code not in _TIME_REFUSALS:
                            logger.info("Waitlist entry %s passed over: %s", taker.pk, exc.code)
                            passed_over.add(taker.pk)
    return None


def waitlist_offer_salon(*, salon_id: int, now: datetime | None = None) -> int:
    """Offer the salon's free times to its line, in order of joining; how many offers were made."""
    now = now or timezone.now()
    made = 0
    while made < ENTRIES_PER_SALON_RUN and _offer_next(salon_id=salon_id, now=now) is not None:
        made += 1
    return made


def waitlist_offer_run(*, now: datetime | None = None) -> int:
    """Every salon with a line (the periodic command); how many offers were made."""
    now = now or timezone.now()
    salon_ids = sorted(set(WaitlistEntry.objects.filter(status=EntryStatus.WAITING).values_list("salon_id", flat=True)))
    return sum(waitlist_offer_salon(salon_id=salon_id, now=now) for salon_id in salon_ids)


def waitlist_offer_after_commit(salon_id: int) -> None:
    """Right after a change that may have freed time commits. A failure here is logged, never raised:
    the change itself is done, and the next periodic run makes the offer."""
    try:
        waitlist_offer_salon(salon_id=salon_id)
    except Exception:
        logger.exception("Waitlist offers for salon %s failed; the periodic run will retry", salon_id)


def waitlist_expire_entries(*, now: datetime | None = None) -> int:
    """Entries still waiting whose window has passed (its last day over, or its end time passed on it, in
    the salon's zone) become expired; how many. An offered entry expires once its offer is closed."""
    now = now or timezone.now()
    total = 0
    # A window ends on a local day at most one day off the UTC one.
    latest = now.date() + timedelta(days=1)
    candidates = WaitlistEntry.objects.filter(status=EntryStatus.WAITING, date_to__lte=latest)
    for salon_id, tz_name in sorted(set(candidates.values_list("salon_id", "salon__timezone"))):
        local = now.astimezone(ZoneInfo(tz_name))
        passed = Q(date_to__lt=local.date()) | Q(date_to=local.date(), time_to__isnull=False, time_to__lte=local.time())
        with transaction.atomic():
            ids = list(
                candidates.filter(passed, salon_id=salon_id)
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)
            )
            total += WaitlistEntry.objects.filter(pk__in=ids, status=EntryStatus.WAITING).update(
                status=EntryStatus.EXPIRED, ended_at=now, updated_at=now
            )
    return total
