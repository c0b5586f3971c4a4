"""A connection's tokens: the access token (refreshed when it expires within a minute) and losing the
connection (`invalid_grant`, or a disconnect): the calendar's busy time and our events' ids are
forgotten, pending writes skipped, the tokens dropped."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.notifications.services import notification_inbox_alert
from apps.salons.models import StaffMember, TimeOff, TimeOffSource
from apps.salons.services import time_off_sync_external

from .crypto import token_decrypt, token_encrypt
from .models import CalendarChange, ChangeStatus, ConnectionStatus, EventLink, GoogleConnection
from .providers import InvalidGrant, get_calendar_provider

REFRESH_MARGIN = timedelta(seconds=60)


def access_token(connection: GoogleConnection, *, force_refresh: bool = False) -> str:
    """A valid access token: the stored one, or a fresh one when it expires within a minute. On
    `invalid_grant` the connection is lost (`connection_lost`) and `InvalidGrant` raised."""
    if (
        not force_refresh
        and connection.token_expires_at
        and connection.token_expires_at > timezone.now() + REFRESH_MARGIN
    ):
        return token_decrypt(connection.access_token)
    try:
        tokens = get_calendar_provider().refresh(refresh_token=token_decrypt(connection.refresh_token))
    except InvalidGrant:
        connection_lost(connection=connection, reason="invalid_grant")
        raise
    connection.access_token = token_encrypt(tokens.access_token)
    connection.token_expires_at = timezone.now() + timedelta(seconds=tokens.expires_in)
    fields = ["access_token", "token_expires_at", "updated_at"]
    if tokens.refresh_token:
        connection.refresh_token = token_encrypt(tokens.refresh_token)
        fields.append("refresh_token")
    GoogleConnection.objects.filter(pk=connection.pk, status=ConnectionStatus.CONNECTED).update(
        **{name: getattr(connection, name) for name in fields if name != "updated_at"}, updated_at=timezone.now()
    )
    return tokens.access_token


def forget_calendar(connection: GoogleConnection) -> None:
    """Forget the events written to and the busy time read from the connection's calendar."""
    EventLink.objects.filter(connection=connection).delete()
    CalendarChange.objects.filter(connection=connection, status=ChangeStatus.PENDING).update(
        status=ChangeStatus.SKIPPED, last_error="calendar changed"
    )
    external_ids = list(
        TimeOff.objects.filter(staff_id=connection.staff_id, source=TimeOffSource.GOOGLE).values_list(
            "external_id", flat=True
        )
    )
    if external_ids:
        staff = StaffMember.objects.get(pk=connection.staff_id)
        time_off_sync_external(staff=staff, source=TimeOffSource.GOOGLE, upserts=[], deletes=external_ids)


def connection_lost(*, connection: GoogleConnection, reason: str) -> None:
    """Google no longer accepts the grant: disconnected, and the stylist told in their inbox."""
    mark_disconnected(connection, reason=reason)
    staff = StaffMember.objects.select_related("salon").get(pk=connection.staff_id)
    if staff.user_id:
        with transaction.atomic():
            notification_inbox_alert(
                recipient_id=staff.user_id,
                event="calendar_disconnected",
                occurrence=f"google:{connection.pk}:{connection.generation}",
                template="calendar_disconnected",
                values=lambda: {"salon": staff.salon.name},
            )


def mark_disconnected(connection: GoogleConnection, *, reason: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        locked = GoogleConnection.objects.select_for_update().get(pk=connection.pk)
        forget_calendar(locked)
        CalendarChange.objects.filter(connection=locked, status=ChangeStatus.PENDING).update(
            status=ChangeStatus.SKIPPED, last_error="disconnected"
        )
        GoogleConnection.objects.filter(pk=locked.pk).update(
            status=ConnectionStatus.DISCONNECTED,
            access_token="",
            refresh_token="",
            token_expires_at=None,
            sync_token="",
            channel_id="",
            channel_resource_id="",
            channel_token="",
            channel_expires_at=None,
            last_error=reason[:500],
            last_error_at=now if reason else None,
            disconnected_at=now,
            updated_at=now,
        )
    connection.status = ConnectionStatus.DISCONNECTED
