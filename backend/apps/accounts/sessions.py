"""Sessions: one sign-in on one device, carried in its JWTs (docs/adr/0004-refresh-token-storage.md).

Every token of a session carries its id (`sid`) and the time of the sign-in (`auth_time`, epoch
seconds); a refresh copies both. A refresh is refused once SESSION_ABSOLUTE_LIFETIME_DAYS have passed
since the sign-in, and the last refresh token expires then. Signing out records the session as ended
in the shared cache for the longest an access token lives, and authentication refuses the session's
access tokens from then on (one cache read per authenticated request).
"""

import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken, Token
from rest_framework_simplejwt.utils import datetime_from_epoch

logger = logging.getLogger(__name__)

SESSION_CLAIM = "sid"
AUTH_TIME_CLAIM = "auth_time"
_ENDED = "session-ended:{}"


def session_lifetime() -> timedelta:
    return timedelta(days=settings.SESSION_ABSOLUTE_LIFETIME_DAYS)


def session_start(user) -> RefreshToken:
    """The refresh token of a new session (its access token: `.access_token`)."""
    return _refresh_token(user, sid=uuid.uuid4().hex, auth_time=int(time.time()))


def session_continue(user, previous: RefreshToken) -> RefreshToken | None:
    """The next refresh token of `previous`'s session, or None once the session's lifetime is over.
    A token from before sessions existed starts its session at its own issue time."""
    auth_time = int(previous.get(AUTH_TIME_CLAIM) or previous.get("iat") or time.time())
    if time.time() >= auth_time + session_lifetime().total_seconds():
        return None
    return _refresh_token(user, sid=previous.get(SESSION_CLAIM) or uuid.uuid4().hex, auth_time=auth_time)


def session_end(token: Token) -> None:
    """Refuse the access tokens of `token`'s session from now on."""
    sid = token.get(SESSION_CLAIM)
    if sid:
        cache.set(_ENDED.format(sid), True, timeout=_longest_access_seconds())


def session_has_ended(token: Token) -> bool:
    sid = token.get(SESSION_CLAIM)
    if not sid:
        return False
    try:
        return cache.get(_ENDED.format(sid)) is not None
    except Exception:  # the cache is down: the token's own expiry (minutes) still bounds it
        logger.exception("Session cache unavailable; session %s not checked", sid)
        return False


def _refresh_token(user, *, sid: str, auth_time: int) -> RefreshToken:
    # simplejwt's own `RefreshToken.for_user` records the outstanding token before the session's claims
    # are set; the claims are set first here, then the final token is recorded.
    refresh = Token.for_user.__func__(RefreshToken, user)
    refresh[SESSION_CLAIM] = sid
    refresh[AUTH_TIME_CLAIM] = auth_time
    refresh["exp"] = min(refresh["exp"], auth_time + int(session_lifetime().total_seconds()))
    OutstandingToken.objects.create(
        user=user,
        jti=refresh[jwt_settings.JTI_CLAIM],
        token=str(refresh),
        created_at=refresh.current_time,
        expires_at=datetime_from_epoch(refresh["exp"]),
    )
    return refresh


def _longest_access_seconds() -> int:
    # The access lifetime is capped at 10 minutes in settings; a minute more for clock skew.
    return int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()) + 60
