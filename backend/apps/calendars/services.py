"""Feeds' links: made on first request, reset on demand (the old link stops at once)."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.salons.models import Salon, StaffMember

from .models import CalendarFeed, FeedKind
from .tokens import feed_token, new_secret, token_hash


@dataclass(frozen=True)
class FeedLink:
    feed: CalendarFeed
    token: str


def _lock_owner(*, salon: Salon, staff: StaffMember | None) -> None:
    """Serialises making a feed for one owner (the unique constraints back it)."""
    if staff is not None:
        StaffMember.objects.select_for_update().filter(pk=staff.pk).first()
    else:
        Salon.objects.select_for_update().filter(pk=salon.pk).first()


def _owner_feed(*, salon: Salon, staff: StaffMember | None) -> CalendarFeed | None:
    if staff is not None:
        return CalendarFeed.objects.filter(staff=staff).first()
    return CalendarFeed.objects.filter(kind=FeedKind.SALON, salon=salon).first()


def _new_feed(*, salon: Salon, staff: StaffMember | None, language: str) -> CalendarFeed:
    return CalendarFeed(
        kind=FeedKind.STAFF if staff is not None else FeedKind.SALON,
        salon=staff.salon if staff is not None else salon,
        staff=staff,
        language=language,
    )


def _new_link(feed: CalendarFeed, now: datetime) -> str:
    feed.secret = new_secret()
    token = feed_token(secret=feed.secret)
    feed.token_hash = token_hash(token)
    feed.rotated_at = now
    return token


def calendar_feed_get_or_create(
    *, salon: Salon, staff: StaffMember | None = None, language: str = "ar", now: datetime | None = None
) -> FeedLink:
    """The feed of `staff` (or of the whole `salon` without one), made on first request.

    When the key the links are derived from changed (ADR 0010), the link is derived anew and its hash
    stored: the link shown is always the one that works."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_owner(salon=salon, staff=staff)
        feed = _owner_feed(salon=salon, staff=staff)
        if feed is None:
            feed = _new_feed(salon=salon, staff=staff, language=language)
            token = _new_link(feed, now)
            feed.save()
            return FeedLink(feed=feed, token=token)
        token = feed_token(secret=feed.secret)
        if token_hash(token) != feed.token_hash:
            feed.token_hash = token_hash(token)
            feed.save(update_fields=["token_hash"])
        return FeedLink(feed=feed, token=token)


def calendar_feed_rotate(
    *, salon: Salon, staff: StaffMember | None = None, language: str = "ar", now: datetime | None = None
) -> FeedLink:
    """A new link for the feed (made if there was none); the old link answers 404 from this commit on."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_owner(salon=salon, staff=staff)
        feed = _owner_feed(salon=salon, staff=staff)
        feed = feed or _new_feed(salon=salon, staff=staff, language=language)
        feed.language = language
        token = _new_link(feed, now)
        feed.save()
        return FeedLink(feed=feed, token=token)
