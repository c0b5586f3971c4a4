"""The short-lived link token answered with `phone_required`: the verified identity, signed by us.

Stateless (django.core.signing with its own salt); it says which provider identity the next verified
phone is linked to, and works SOCIAL_LINK_TOKEN_MINUTES. Using it twice cannot link the identity twice:
the database allows one account per identity.
"""

from dataclasses import asdict, dataclass

from django.conf import settings
from django.core import signing

from .errors import LinkTokenInvalid

_SALT = "apps.social_auth.link"


@dataclass(frozen=True)
class PendingLink:
    provider: str
    subject: str
    email: str
    is_private_relay: bool
    first_name: str
    last_name: str


def link_token_issue(pending: PendingLink) -> str:
    return signing.dumps(asdict(pending), salt=_SALT, compress=True)


def link_token_read(token: str) -> PendingLink:
    """Raises LinkTokenInvalid (400) for a forged, altered or expired token."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=settings.SOCIAL_LINK_TOKEN_MINUTES * 60)
        return PendingLink(**data)
    except (signing.BadSignature, TypeError):
        raise LinkTokenInvalid() from None
