"""ZATCA providers, chosen by `settings.ZATCA_PROVIDER`: `fatoora` (ZATCA's API at `ZATCA_BASE_URL`) or
`fake` (offline, development and tests)."""

from django.conf import settings

from .base import (
    Credentials,
    Csid,
    Message,
    Submission,
    ZatcaError,
    ZatcaHttpError,
    ZatcaProvider,
    ZatcaUnreachable,
)
from .fake import FakeZatca
from .fatoora import FatooraProvider

__all__ = [
    "Credentials",
    "Csid",
    "FakeZatca",
    "FatooraProvider",
    "Message",
    "Submission",
    "ZatcaError",
    "ZatcaHttpError",
    "ZatcaProvider",
    "ZatcaUnreachable",
    "get_provider",
]


def get_provider() -> ZatcaProvider:
    if settings.ZATCA_PROVIDER == "fake":
        return FakeZatca()
    return FatooraProvider()
