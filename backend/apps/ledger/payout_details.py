"""The salon's payout details, kept by its managers: the legal name (the beneficiary of payouts and the
seller on invoices, `Salon.legal_name`) and the IBAN payouts go to.

A new IBAN redirects the salon's money, so it needs a fresh one-time code sent to the phone of the
person making the change (`payout_code_send`, purpose `payout_details`): the code is checked and used
first (its own transactions, so wrong guesses count), then the change is written with its audit entry
in one transaction. The audit log keeps the IBAN masked, never in full.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.accounts.errors import OTPAttemptsExceeded, OTPExpired, OTPInvalid, OTPSuperseded, OTPUsed
from apps.accounts.models import OTPPurpose, OTPRequest
from apps.accounts.services import otp_confirm, otp_request
from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.backoffice.access import managed_salon_get
from apps.salons.models import Salon

from .errors import CodeInvalid, CodeRequired
from .iban import iban_clean, iban_mask
from .models import SalonPayoutAccount

UNCHANGED = object()
_CODE_REFUSALS = (OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded)


@dataclass(frozen=True)
class PayoutDetails:
    legal_name: str
    vat_number: str
    iban_masked: str
    iban_set: bool
    updated_at: datetime | None


def payout_details_get(*, salon: Salon) -> PayoutDetails:
    account = SalonPayoutAccount.objects.filter(salon=salon).first()
    return PayoutDetails(
        legal_name=salon.legal_name,
        vat_number=salon.vat_number,
        iban_masked=iban_mask(account.iban) if account else "",
        iban_set=account is not None,
        updated_at=account.updated_at if account else None,
    )


def payout_code_send(*, actor, channel: str, ip_address: str, now: datetime | None = None) -> OTPRequest:
    """Send the caller a code to confirm a new IBAN (the sign-in codes' limits apply)."""
    return otp_request(
        phone_number=actor.phone_number,
        channel=channel,
        ip_address=ip_address,
        purpose=OTPPurpose.PAYOUT_DETAILS,
        now=now,
    )


def payout_code_expires_in() -> int:
    return settings.OTP_EXPIRY_MINUTES * 60


def payout_details_update(
    *,
    actor,
    salon_id: int,
    legal_name=UNCHANGED,
    iban=UNCHANGED,
    code: str = "",
    now: datetime | None = None,
) -> PayoutDetails:
    """Change the legal name and/or the IBAN of a salon `actor` manages. An IBAN other than the
    current one needs `code` (raises InvalidIban, CodeRequired, CodeInvalid before writing anything)."""
    now = now or timezone.now()
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    new_iban = None
    if iban is not UNCHANGED:
        new_iban = iban_clean(iban)
        current = SalonPayoutAccount.objects.filter(salon=salon).values_list("iban", flat=True).first()
        if new_iban == current:
            new_iban = None
        elif not code:
            raise CodeRequired()
        else:
            try:
                otp_confirm(phone_number=actor.phone_number, purpose=OTPPurpose.PAYOUT_DETAILS, code=code, now=now)
            except _CODE_REFUSALS as exc:
                raise CodeInvalid() from exc
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id, for_update=True)
        if legal_name is not UNCHANGED and legal_name != salon.legal_name:
            before = salon.legal_name
            salon.legal_name = legal_name
            salon.save(update_fields=["legal_name", "updated_at"])
            audit_record(
                actor=actor,
                salon_id=salon.pk,
                obj=salon,
                action=AuditAction.UPDATED,
                before={"legal_name": before},
                after={"legal_name": legal_name},
            )
        if new_iban is not None:
            _iban_set(salon=salon, iban=new_iban, actor=actor, now=now)
    return payout_details_get(salon=salon)


def _iban_set(*, salon: Salon, iban: str, actor, now: datetime) -> None:
    account = SalonPayoutAccount.objects.select_for_update().filter(salon=salon).first()
    before = iban_mask(account.iban) if account else ""
    if account is None:
        account = SalonPayoutAccount(salon=salon)
    account.iban = iban
    account.iban_changed_at = now
    account.iban_changed_by = actor
    account.save()
    audit_record(
        actor=actor,
        salon_id=salon.pk,
        object_type="payout_account",
        object_id=salon.pk,
        object_repr=str(salon),
        action=AuditAction.CREATED if not before else AuditAction.UPDATED,
        before={"iban": before} if before else {},
        after={"iban": iban_mask(iban)},
    )
