"""Errors of the calendar feeds. Clients branch on `code`, never on the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, NotFound


class FeedNotFound(NotFound):
    """An unknown or rotated feed link: answered exactly like a link that never existed."""

    code = "feed_not_found"
    message = _("This calendar link does not exist or was reset.")


class StylistsOnly(AppError):
    code = "not_a_stylist"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only a salon's stylists have a calendar feed of their own.")


class FeedForbidden(AppError):
    code = "feeds_not_allowed"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only stylists, salon managers and administrators have calendar feeds.")
