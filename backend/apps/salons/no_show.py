"""No-show protection, the salon's side (docs/adr/0016-no-show-protection.md): which combinations of
the policy fields hold together, what a booking's deposit and fee come to, and the sentence that tells
a customer the rules before booking and in the confirmation.

Amounts are halalas of a VAT-inclusive price, rounded half up, never more than the price.
"""

from django.conf import settings
from django.utils.translation import gettext

from apps.core.money import format_sar

from .errors import (
    CardHoldHorizonTooLong,
    DepositOneOf,
    DepositRequired,
    DepositWithoutPolicy,
    NoShowPolicyWithPrepayment,
)
from .models import NoShowPolicy, Salon

POLICY_FIELDS = ("no_show_policy", "deposit_percent", "deposit_amount", "no_show_fee_percent", "no_show_limit")


def _percent_of(amount: int, percent: int) -> int:
    return (amount * percent * 2 + 100) // 200


def no_show_policy_changes(salon: Salon, changes: dict) -> dict:
    """The changes to a salon's policy fields, checked against the rest of its policy as it will stand
    (raising the error that forbids them), and completed: leaving the deposit policy clears the
    deposit, and giving one form of deposit clears the other."""
    changes = dict(changes)
    policy = changes.get("no_show_policy", salon.no_show_policy)
    percent = changes.get("deposit_percent", salon.deposit_percent)
    amount = changes.get("deposit_amount", salon.deposit_amount)
    if policy == NoShowPolicy.DEPOSIT:
        if changes.get("deposit_percent") is not None and changes.get("deposit_amount") is not None:
            raise DepositOneOf(errors={"deposit_percent": [str(DepositOneOf.message)]})
        if changes.get("deposit_percent") is not None:
            amount = changes["deposit_amount"] = None
        elif changes.get("deposit_amount") is not None:
            percent = changes["deposit_percent"] = None
        if percent is None and amount is None:
            raise DepositRequired(errors={"deposit_percent": [str(DepositRequired.message)]})
    else:
        if changes.get("deposit_percent") is not None or changes.get("deposit_amount") is not None:
            raise DepositWithoutPolicy(errors={"no_show_policy": [str(DepositWithoutPolicy.message)]})
        changes["deposit_percent"] = changes["deposit_amount"] = None
    prepayment = changes.get("requires_prepayment", salon.requires_prepayment)
    if policy != NoShowPolicy.NONE and prepayment:
        raise NoShowPolicyWithPrepayment(errors={"no_show_policy": [str(NoShowPolicyWithPrepayment.message)]})
    horizon = changes.get("booking_horizon_days", salon.booking_horizon_days)
    if policy == NoShowPolicy.CARD_HOLD and horizon > settings.NO_SHOW_HOLD_MAX_DAYS:
        raise CardHoldHorizonTooLong(settings.NO_SHOW_HOLD_MAX_DAYS)
    return changes


def deposit_for(salon: Salon, price: int) -> int:
    """The deposit of a booking at this price (0 without a deposit policy)."""
    if salon.no_show_policy != NoShowPolicy.DEPOSIT:
        return 0
    if salon.deposit_amount is not None:
        return min(salon.deposit_amount, price)
    return _percent_of(price, salon.deposit_percent or 0)


def no_show_fee_for(salon: Salon, price: int) -> int:
    """What a no-show or a late cancellation of a booking at this price costs (0 without a policy)."""
    if salon.no_show_policy == NoShowPolicy.NONE:
        return 0
    return _percent_of(price, salon.no_show_fee_percent)


def _percent_text(percent: int | None) -> str:
    return gettext("%(percent)s%% of the price") % {"percent": percent}


def no_show_policy_sentence(*, policy: str, window_hours: int, deposit: str, fee: str) -> str:
    """The rules in one sentence, in the active language; empty without a policy. `deposit` and `fee`
    are already written out: an amount (`format_sar`) or a share of the price (`_percent_text`)."""
    values = {"deposit": deposit, "fee": fee, "hours": window_hours}
    if policy == NoShowPolicy.DEPOSIT:
        return (
            gettext(
                "A deposit of %(deposit)s is paid online when you book; the rest is paid at the salon. "
                "Cancelling less than %(hours)s hours before the start, or not coming, costs %(fee)s, "
                "taken from the deposit."
            )
            % values
        )
    if policy == NoShowPolicy.CARD_HOLD:
        return (
            gettext(
                "Your card is authorized when you book but not charged; the hold is released when you come or "
                "cancel at least %(hours)s hours before the start. Not coming, or cancelling later, costs %(fee)s."
            )
            % values
        )
    return ""


def salon_no_show_policy(salon: Salon) -> dict:
    """The salon's rules for its public page: `policy`, the deposit (percent or fixed amount),
    `no_show_fee_percent`, and `text`, the sentence."""
    return {
        "policy": salon.no_show_policy,
        "deposit_percent": salon.deposit_percent,
        "deposit_amount": salon.deposit_amount,
        "no_show_fee_percent": salon.no_show_fee_percent if salon.no_show_policy != NoShowPolicy.NONE else 0,
        "text": no_show_policy_sentence(
            policy=salon.no_show_policy,
            window_hours=salon.cancellation_window_hours,
            deposit=(
                format_sar(salon.deposit_amount)
                if salon.deposit_amount is not None
                else _percent_text(salon.deposit_percent)
            ),
            fee=_percent_text(salon.no_show_fee_percent),
        ),
    }


def booking_no_show_sentence(*, policy: str, window_hours: int, online_amount: int, fee: int) -> str:
    """The rules of one booking with its amounts (`policy`: its payment mode, see
    `apps.bookings.payment_mode`); empty when none apply."""
    if policy == "full":
        return gettext("Because of earlier no-shows at this salon, this booking is paid in full online when you book.")
    return no_show_policy_sentence(
        policy=policy, window_hours=window_hours, deposit=format_sar(online_amount), fee=format_sar(fee)
    )
