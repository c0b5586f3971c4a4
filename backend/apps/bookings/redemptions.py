"""Paying for a booking, at its creation, with something bought before: a package session or a gift
card's balance (docs/adr/0018).

Bookings do not know those instruments: the app that sells them registers one redeemer here from its
`AppConfig.ready` (the same one-way contract as `events`). The redeemer runs inside the booking's
creating transaction, after the booking row is written and the customer's and stylists' locks are
held; it locks the instrument's row, records the use, and answers how much it takes off the price.
A refusal is its `AppError`, which rolls the booking back with it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import AppError


@dataclass(frozen=True)
class RedemptionRequest:
    """What the booking's creator asked to use: a package purchase's id, or a gift card's code."""

    package: int | None = None
    gift_card: str | None = None


class RedemptionUnavailable(AppError):
    code = "redemption_unavailable"
    message = _("Packages and gift cards cannot be used here.")


class RedemptionNotForVisits(AppError):
    code = "redemption_not_for_visits"
    message = _("Packages and gift cards can be used on a booking of one service.")


Redeemer = Callable[..., int]
_redeemers: list[Redeemer] = []


def redeemer_register(redeemer: Redeemer) -> None:
    """Register the one redeemer (`redeemer(booking=, request=, now=) -> amount taken off`)."""
    if redeemer not in _redeemers:
        _redeemers.append(redeemer)


def booking_redeem(*, booking, request: RedemptionRequest, now: datetime) -> int:
    """The amount (halalas) the instrument takes off the booking's price; at most the price."""
    if not _redeemers:
        raise RedemptionUnavailable()
    if booking.item_count > 1:  # a visit's price is split per service on its invoice (ADR 0017, 0018)
        raise RedemptionNotForVisits()
    taken = _redeemers[0](booking=booking, request=request, now=now)
    return min(max(taken, 0), booking.price_amount)
