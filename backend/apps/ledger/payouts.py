"""Paying salons out: a batch of payouts (one per salon whose available balance reaches the minimum and
that has an IBAN), the bank file to upload, and the bank's answer (sent, or returned).

A payout takes the salon's whole available balance when it is created (posting it to payouts in
transit), so it can never exceed it: each salon is handled in a transaction of its own that first
locks the salon's payable account, which every posting to that salon also locks, and the database
allows one payout waiting to be sent per salon. Two admins (or two servers) running it at once pay
each salon once.

Statuses: created → sent (the bank executed the transfer) | returned (the bank refused it before
sending); sent → returned (the bank sent the money back). A returned payout's money is the salon's
again.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.money import major_units

from .errors import BankReferenceRequired, PayoutNotFound, PayoutStatusInvalid
from .iban import iban_mask
from .models import AccountKind, LedgerAccount, Payout, PayoutBatch, PayoutStatus, SalonPayoutAccount
from .postings import salon_account_lock
from .scheme import ledger_post_payout_created, ledger_post_payout_returned, ledger_post_payout_sent
from .selectors import salon_owed

NEXT_STATUSES: dict[str, frozenset[str]] = {
    PayoutStatus.CREATED: frozenset({PayoutStatus.SENT, PayoutStatus.RETURNED}),
    PayoutStatus.SENT: frozenset({PayoutStatus.RETURNED}),
    PayoutStatus.RETURNED: frozenset(),
}


class Skip:
    """Why a salon got no payout in a run."""

    WAITING = "a payout is waiting to be sent"
    BELOW_MINIMUM = "available balance below the minimum"
    NO_IBAN = "no IBAN"


@dataclass
class PayoutRun:
    batch: PayoutBatch | None = None
    payouts: list[Payout] = field(default_factory=list)
    skipped: list[tuple[int, str, int]] = field(default_factory=list)  # (salon id, why, available)


def _audit(actor, payout: Payout, action: str, after: dict) -> None:
    audit_record(
        actor=actor,
        salon_id=payout.salon_id,
        object_type="payout",
        object_id=payout.pk,
        object_repr=payout.reference,
        action=action,
        after=after,
    )


def _payout_for_salon(*, salon_id: int, run: PayoutRun, actor, minimum: int, now: datetime) -> None:
    with transaction.atomic():
        salon_account_lock(salon_id)
        balance, pending = salon_owed(salon_id=salon_id, now=now)
        available = balance - pending
        if Payout.objects.filter(salon_id=salon_id, status=PayoutStatus.CREATED).exists():
            run.skipped.append((salon_id, Skip.WAITING, available))
            return
        if available < minimum:
            run.skipped.append((salon_id, Skip.BELOW_MINIMUM, available))
            return
        account = SalonPayoutAccount.objects.select_related("salon").filter(salon_id=salon_id).first()
        if account is None:
            run.skipped.append((salon_id, Skip.NO_IBAN, available))
            return
        if run.batch is None:
            run.batch = PayoutBatch.objects.create(created_by=actor, minimum_amount=minimum)
        salon = account.salon
        try:
            with transaction.atomic():
                payout = Payout.objects.create(
                    batch=run.batch,
                    salon_id=salon_id,
                    amount=available,
                    iban=account.iban,
                    beneficiary_name=(salon.legal_name or salon.name_ar or salon.name_en)[:200],
                    created_by=actor,
                )
        except IntegrityError:  # `payout_one_created_per_salon`: the database has the last word
            run.skipped.append((salon_id, Skip.WAITING, available))
            return
        ledger_post_payout_created(payout=payout)
        _audit(
            actor,
            payout,
            AuditAction.CREATED,
            {"amount": payout.amount, "iban": iban_mask(payout.iban), "batch": run.batch.reference},
        )
        run.payouts.append(payout)


def payout_batch_create(
    *, actor=None, minimum: int | None = None, salon_ids: Iterable[int] | None = None, now: datetime | None = None
) -> PayoutRun:
    """A payout of the available balance for every salon (or those of `salon_ids`) whose available
    balance is at least `minimum` (default `PAYOUT_MINIMUM_HALALAS`) and that has an IBAN; one batch
    for them all, or none when nobody is paid."""
    minimum = settings.PAYOUT_MINIMUM_HALALAS if minimum is None else max(1, minimum)
    now = now or timezone.now()
    accounts = LedgerAccount.objects.filter(kind=AccountKind.SALON_PAYABLE)
    if salon_ids is not None:
        accounts = accounts.filter(salon_id__in=list(salon_ids))
    run = PayoutRun()
    for salon_id in accounts.order_by("salon_id").values_list("salon_id", flat=True):
        _payout_for_salon(salon_id=salon_id, run=run, actor=actor, minimum=minimum, now=now)
    return run


def _locked_payout(payout_id: int) -> Payout:
    payout = Payout.objects.select_for_update().filter(pk=payout_id).first()
    if payout is None:
        raise PayoutNotFound()
    return payout


def payout_mark_sent(*, payout_id: int, bank_reference: str, actor=None, now: datetime | None = None) -> Payout:
    """The bank executed the transfer: the money leaves the platform. Marking it again with the same
    reference changes nothing."""
    bank_reference = (bank_reference or "").strip()[:64]
    if not bank_reference:
        raise BankReferenceRequired()
    with transaction.atomic():
        payout = _locked_payout(payout_id)
        if payout.status == PayoutStatus.SENT and payout.bank_reference == bank_reference:
            return payout
        if PayoutStatus.SENT not in NEXT_STATUSES[payout.status]:
            raise PayoutStatusInvalid()
        payout.status = PayoutStatus.SENT
        payout.bank_reference = bank_reference
        payout.sent_at = now or timezone.now()
        payout.sent_by = actor if actor is not None and actor.is_authenticated else None
        payout.save(update_fields=["status", "bank_reference", "sent_at", "sent_by"])
        ledger_post_payout_sent(payout=payout)
        _audit(actor, payout, AuditAction.UPDATED, {"status": payout.status, "bank_reference": bank_reference})
    return payout


def payout_mark_returned(
    *, payout_id: int, reference: str, reason: str = "", actor=None, now: datetime | None = None
) -> Payout:
    """The bank refused the transfer or sent the money back: it is the salon's again."""
    reference = (reference or "").strip()[:64]
    if not reference:
        raise BankReferenceRequired()
    with transaction.atomic():
        payout = _locked_payout(payout_id)
        if payout.status == PayoutStatus.RETURNED and payout.return_reference == reference:
            return payout
        if PayoutStatus.RETURNED not in NEXT_STATUSES[payout.status]:
            raise PayoutStatusInvalid()
        salon_account_lock(payout.salon_id)
        payout.status = PayoutStatus.RETURNED
        payout.return_reference = reference
        payout.return_reason = (reason or "").strip()[:255]
        payout.returned_at = now or timezone.now()
        payout.returned_by = actor if actor is not None and actor.is_authenticated else None
        payout.save(update_fields=["status", "return_reference", "return_reason", "returned_at", "returned_by"])
        ledger_post_payout_returned(payout=payout)
        _audit(actor, payout, AuditAction.UPDATED, {"status": payout.status, "return_reference": reference})
    return payout


# --- The bank file -------------------------------------------------------------------------------

BANK_FILE_COLUMNS = ("payout_reference", "beneficiary_name", "iban", "amount", "currency", "description")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _plain(text: str) -> str:
    """A name no spreadsheet runs as a formula (leading `=`, `+`, `-`, `@` dropped) on one line."""
    return " ".join(str(text).split()).lstrip("".join(_FORMULA_STARTS)).strip()


def bank_file_rows(payouts: Iterable[Payout]) -> list[list[str]]:
    return [
        [
            payout.reference,
            _plain(payout.beneficiary_name),
            payout.iban,
            major_units(payout.amount),
            payout.currency,
            f"Salon payout {payout.reference}",
        ]
        for payout in payouts
    ]


def bank_file_csv(payouts: Iterable[Payout]) -> bytes:
    """The payouts to send as the bank file (docs/runbooks/payouts.md): UTF-8 without a byte order
    mark, comma-separated, CRLF line ends, a header row, one row per payout."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(BANK_FILE_COLUMNS)
    writer.writerows(bank_file_rows(payouts))
    return buffer.getvalue().encode("utf-8")
