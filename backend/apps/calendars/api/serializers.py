from urllib.parse import quote

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rest_framework import serializers

from ..models import FeedKind
from ..selectors import feed_name
from ..services import FeedLink


def feed_urls(token: str) -> dict[str, str]:
    """The feed's https link, the same as `webcal://` (calendar apps subscribe to it), and Google
    Calendar's page that subscribes to it."""
    url = f"{settings.FRONTEND_URL}{reverse('calendars:feed', args=[token])}"
    webcal = "webcal://" + url.split("://", 1)[1]
    google = f"https://calendar.google.com/calendar/r?cid={quote(webcal, safe='')}"
    return {"url": url, "webcal_url": webcal, "google_calendar_url": google}


class FeedSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FeedKind.choices)
    salon_id = serializers.IntegerField()
    staff_id = serializers.IntegerField(allow_null=True)
    name = serializers.CharField(help_text="The calendar's name in calendar apps (in the feed's language).")
    url = serializers.URLField(help_text="The private feed (iCalendar). Anyone with it sees the bookings.")
    webcal_url = serializers.CharField(help_text="The same link as `webcal://`, which calendar apps subscribe to.")
    google_calendar_url = serializers.URLField(help_text="Google Calendar's page that subscribes to the feed.")
    qr_code = serializers.CharField(help_text="A QR code of `webcal_url`: an SVG image as a `data:` URI.")
    created_at = serializers.DateTimeField()
    rotated_at = serializers.DateTimeField(help_text="When the current link was made (a reset makes a new one).")

    @staticmethod
    def of(link: FeedLink) -> dict:
        feed = link.feed
        urls = feed_urls(link.token)
        with translation.override(feed.language):
            name = feed_name(feed)
        return {
            "kind": feed.kind,
            "salon_id": feed.salon_id,
            "staff_id": feed.staff_id,
            "name": name,
            **urls,
            "qr_code": segno.make(urls["webcal_url"], error="m", micro=False).svg_data_uri(scale=4),
            "created_at": feed.created_at,
            "rotated_at": feed.rotated_at,
        }
