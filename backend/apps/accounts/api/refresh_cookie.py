"""The web app's refresh token travels in an httpOnly cookie, never through JavaScript.

A client opts in with the header `X-Auth-Cookie: 1` (the SPA always sends it): sign-in and
refresh then set the rotated refresh token as a cookie scoped to `/api/auth/` and leave it out of
the JSON body, refresh and sign-out read it from the cookie. Other API clients keep using the
`refresh` field of the body. See docs/adr/0004-refresh-token-storage.md.
"""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

COOKIE_NAME = "salon_refresh"
COOKIE_PATH = "/api/auth/"
OPT_IN_HEADER = "X-Auth-Cookie"

OPT_IN_PARAMETER = OpenApiParameter(
    OPT_IN_HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    enum=["1"],
    description="`1`: the refresh token is read from and written to the httpOnly `salon_refresh` cookie "
    "instead of the JSON body.",
)


def uses_cookie(request: Request) -> bool:
    return request.headers.get(OPT_IN_HEADER) == "1"


def presented_token(request: Request) -> str:
    return request.COOKIES.get(COOKIE_NAME, "")


def move_refresh_to_cookie(response: Response) -> Response:
    """Take `refresh` out of the response body and set it as the cookie."""
    refresh = response.data.pop("refresh")
    response.set_cookie(
        COOKIE_NAME,
        refresh,
        max_age=int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds()),
        path=COOKIE_PATH,
        secure=settings.SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def clear_cookie(response: Response) -> Response:
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")
    return response
