"""Reads of the feeds: a feed by its link's token, and the bookings it publishes in two queries in all,
however many there are."""

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, Max, Q
from django.utils import translation
from django.utils.translation import gettext as _

from apps.bookings.models import Booking, BookingItem

from .errors import FeedNotFound
from .ics import backoffice_url, booking_vevent, calendar_new, staff_description, staff_summary
from .models import CalendarFeed
from .tokens import feed_token, token_hash

WINDOW_PAST = timedelta(days=30)
WINDOW_AHEAD = timedelta(days=90)


@dataclass(frozen=True)
class FeedDocument:
    body: bytes
    last_modified: datetime


def feed_by_token(*, token: str) -> CalendarFeed:
    """The feed whose link carries `token`; 404 `feed_not_found` for an unknown or reset one, for a
    link derived with a key no longer in the settings, and for the feed of a stylist who left."""
    feed = CalendarFeed.objects.select_related("salon", "staff__user").filter(token_hash=token_hash(token)).first()
    if feed is None or not hmac.compare_digest(feed_token(secret=feed.secret), token):
        raise FeedNotFound()
    if feed.staff is not None and not _stylist_publishes(feed.staff):
        raise FeedNotFound()
    return feed


def _stylist_publishes(staff) -> bool:
    """A stylist's feed stops when they leave: a deactivated profile, or no active account behind it."""
    return staff.is_active and staff.user is not None and staff.user.is_active


def feed_bookings(*, feed: CalendarFeed, now: datetime) -> list[Booking]:
    """The feed's bookings that overlap 30 days ago to 90 days ahead, every status (cancelled ones are
    published as cancelled), with `change_count` (audit rows) and `changed_at` (the latest) counted in
    the same query, and the customer's first name alone (`customer_first_name`)."""
    bookings = Booking.objects.filter(start__lt=now + WINDOW_AHEAD, end__gt=now - WINDOW_PAST)
    if feed.staff_id is not None:
        # Their own bookings, and visits where they do one of the services (ADR 0017).
        bookings = bookings.filter(
            Q(staff_id=feed.staff_id)
            | Q(pk__in=BookingItem.objects.filter(staff_id=feed.staff_id).values("booking_id"))
        )
    else:
        bookings = bookings.filter(salon_id=feed.salon_id)
    return list(
        bookings.select_related("salon", "service", "staff")
        .annotate(
            change_count=Count("events"),
            changed_at=Max("events__created_at"),
            customer_first_name=F("customer__first_name"),
        )
        .order_by("start", "pk")
    )


def feed_name(feed: CalendarFeed) -> str:
    if feed.staff is not None:
        return _("%(stylist)s at %(salon)s") % {"stylist": feed.staff.name, "salon": feed.salon.name}
    return _("%(salon)s: every stylist") % {"salon": feed.salon.name}


def feed_document(*, feed: CalendarFeed, now: datetime) -> FeedDocument:
    """The feed as iCalendar, in the language of whoever made its link, and when it last changed."""
    with translation.override(feed.language):
        calendar = calendar_new(feed_name(feed))
        last_modified = feed.rotated_at
        for booking in feed_bookings(feed=feed, now=now):
            changed = max(booking.updated_at, booking.changed_at or booking.updated_at)
            last_modified = max(last_modified, changed)
            calendar.add_component(
                booking_vevent(
                    booking,
                    sequence=booking.change_count - 1,
                    summary=staff_summary(booking, booking.customer_first_name),
                    description=staff_description(booking),
                    last_modified=changed,
                    url=backoffice_url(booking),
                )
            )
        return FeedDocument(body=calendar.to_ical(), last_modified=last_modified)
