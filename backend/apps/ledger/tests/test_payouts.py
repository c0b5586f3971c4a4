"""Payouts: who is paid how much (the available balance, never more), the batch, the bank file, the
bank's answers (sent, returned) and what each posts; the `create_payouts` command."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.payments.models import RefundStatus

from ..errors import BankReferenceRequired, PayoutStatusInvalid
from ..models import Cause, LedgerTransaction, Payout, PayoutBatch, PayoutStatus, SalonPayoutAccount
from ..payouts import Skip, bank_file_csv, payout_batch_create, payout_mark_returned, payout_mark_sent
from ..selectors import salon_balance
from .conftest import IBAN, PRICE, receive, refund, visit

pytestmark = pytest.mark.django_db
NET = PRICE - 1150 - 173  # what a paid booking leaves the salon: 10177


@pytest.fixture
def iban(salon):
    return SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())


def test_a_payout_takes_the_available_balance_and_leaves_the_pending(salon, stylist, customer, iban, admin_user):
    receive(visit(stylist, customer))  # visited ten days ago: available
    receive(visit(stylist, customer, days=-2))  # ended within the refund window: pending
    receive(visit(stylist, customer, days=2))  # not visited yet: pending

    run = payout_batch_create(actor=admin_user, minimum=10000)

    [payout] = run.payouts
    assert (payout.amount, payout.salon_id, payout.iban, payout.status) == (NET, salon.pk, IBAN, PayoutStatus.CREATED)
    assert (payout.batch, payout.beneficiary_name, payout.created_by) == (run.batch, salon.legal_name, admin_user)
    assert run.batch.minimum_amount == 10000
    balance = salon_balance(salon=salon)
    assert (balance.balance, balance.available, balance.pending, balance.in_transit) == (2 * NET, 0, 2 * NET, NET)
    posted = LedgerTransaction.objects.get(key=f"payout:{payout.pk}:created")
    assert sorted(posted.entries.values_list("account__kind", "amount")) == [
        ("payouts_in_transit", -NET),
        ("salon_payable", NET),
    ]
    assert AuditEntry.objects.get(object_type="payout").changes == {
        "amount": [None, NET],
        "batch": [None, run.batch.reference],
        "iban": [None, "SA03 **** **** **** **** 7519"],
    }


def test_money_with_a_refund_in_flight_is_pending(salon, stylist, customer, iban):
    payment = receive(visit(stylist, customer))
    payment.refunds.create(amount=1000, reason="admin", refunded_before=0)

    assert salon_balance(salon=salon).available == 0
    assert payout_batch_create(minimum=1).payouts == []
    payment.refunds.update(status=RefundStatus.FAILED)
    assert salon_balance(salon=salon).available == 0


def test_the_refund_window_is_a_setting(salon, stylist, customer, iban, settings):
    receive(visit(stylist, customer, days=-2))
    settings.LEDGER_REFUND_WINDOW_HOURS = 24

    assert salon_balance(salon=salon).available == NET


def test_salons_below_the_minimum_without_an_iban_or_waiting_are_skipped(salon, stylist, customer):
    receive(visit(stylist, customer, price=5000))

    assert payout_batch_create(minimum=10000).skipped == [(salon.pk, Skip.BELOW_MINIMUM, 4425)]
    run = payout_batch_create(minimum=100)
    assert (run.batch, run.payouts, run.skipped) == (None, [], [(salon.pk, Skip.NO_IBAN, 4425)])
    SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())
    assert len(payout_batch_create(minimum=100).payouts) == 1
    receive(visit(stylist, customer, days=-5))
    assert payout_batch_create(minimum=100).skipped == [(salon.pk, Skip.WAITING, NET)]
    assert PayoutBatch.objects.count() == 1


def test_sent_then_returned_money_comes_back_to_the_salon(salon, stylist, customer, iban, admin_user):
    receive(visit(stylist, customer))
    payout = payout_batch_create(minimum=1).payouts[0]

    sent = payout_mark_sent(payout_id=payout.pk, bank_reference=" TRF-2026-0001 ", actor=admin_user)

    assert (sent.status, sent.bank_reference, sent.sent_by) == (PayoutStatus.SENT, "TRF-2026-0001", admin_user)
    balance = salon_balance(salon=salon)
    assert (balance.balance, balance.in_transit, balance.paid_out) == (0, 0, NET)
    assert payout_mark_sent(payout_id=payout.pk, bank_reference="TRF-2026-0001").pk == payout.pk  # a repeat
    returned = payout_mark_returned(payout_id=payout.pk, reference="RET-9", reason="Account closed", actor=admin_user)
    assert (returned.status, returned.return_reference, returned.return_reason) == (
        "returned",
        "RET-9",
        "Account closed",
    )
    balance = salon_balance(salon=salon)
    assert (balance.balance, balance.available, balance.in_transit, balance.paid_out) == (NET, NET, 0, 0)
    causes = list(LedgerTransaction.objects.filter(payout=payout).order_by("id").values_list("cause", flat=True))
    assert causes == [Cause.PAYOUT_CREATED, Cause.PAYOUT_SENT, Cause.PAYOUT_RETURNED]
    returned_entries = LedgerTransaction.objects.get(cause=Cause.PAYOUT_RETURNED).entries
    assert sorted(returned_entries.values_list("account__kind", "amount")) == [
        ("platform_cash", NET),
        ("salon_payable", -NET),
    ]


def test_a_payout_returned_before_it_was_sent_comes_back_from_transit(salon, stylist, customer, iban):
    receive(visit(stylist, customer))
    payout = payout_batch_create(minimum=1).payouts[0]

    payout_mark_returned(payout_id=payout.pk, reference="REJ-1")

    entries = LedgerTransaction.objects.get(cause=Cause.PAYOUT_RETURNED).entries
    assert sorted(entries.values_list("account__kind", "amount")) == [
        ("payouts_in_transit", NET),
        ("salon_payable", -NET),
    ]
    with pytest.raises(PayoutStatusInvalid):
        payout_mark_sent(payout_id=payout.pk, bank_reference="TRF-1")
    assert len(payout_batch_create(minimum=1).payouts) == 1  # the salon's money can be paid out again


def test_the_bank_answer_needs_a_reference(salon, stylist, customer, iban):
    receive(visit(stylist, customer))
    payout = payout_batch_create(minimum=1).payouts[0]

    for mark in (
        lambda: payout_mark_sent(payout_id=payout.pk, bank_reference="  "),
        lambda: payout_mark_returned(payout_id=payout.pk, reference=""),
    ):
        with pytest.raises(BankReferenceRequired):
            mark()
    assert Payout.objects.get().status == PayoutStatus.CREATED


def test_a_refund_after_the_payout_makes_the_balance_negative_and_the_next_payout_smaller(
    salon, stylist, customer, iban
):
    first = receive(visit(stylist, customer))
    payout_mark_sent(payout_id=payout_batch_create(minimum=1).payouts[0].pk, bank_reference="TRF-1")

    refund(first, PRICE)
    assert salon_balance(salon=salon).available == -NET
    receive(visit(stylist, customer, days=-6, price=2 * PRICE))

    [second] = payout_batch_create(minimum=1).payouts
    assert second.amount == (2 * PRICE - 2300 - 345) - NET


def test_the_bank_file_layout(salon, stylist, customer, iban):
    salon.legal_name = "=Salon, Lamsa\nTrading"
    salon.save()
    receive(visit(stylist, customer))
    payout = payout_batch_create(minimum=1).payouts[0]

    body = bank_file_csv([payout])

    assert body.decode("utf-8") == (
        "payout_reference,beneficiary_name,iban,amount,currency,description\r\n"
        f'{payout.reference},"Salon, Lamsa Trading",{IBAN},101.77,SAR,Salon payout {payout.reference}\r\n'
    )
    assert not body.startswith(b"\xef\xbb\xbf")


def test_create_payouts_command_writes_the_batch_and_its_bank_file(salon, stylist, customer, iban, tmp_path):
    receive(visit(stylist, customer))
    receive(visit(stylist, customer, days=-1))
    out, target = StringIO(), tmp_path / "bank.csv"

    call_command("create_payouts", "--minimum", "500", "--output", str(target), stdout=out)

    payout = Payout.objects.get()
    assert out.getvalue().splitlines() == [
        f"Batch {payout.batch.reference}: 1 payout(s), 101.77 SAR.",
        f"  {payout.reference}  {salon.legal_name}  101.77 SAR",
        f"Bank file: {target}",
    ]
    assert target.read_bytes() == bank_file_csv([payout])


def test_create_payouts_command_with_nothing_to_pay(salon, stylist, customer):
    receive(visit(stylist, customer))
    out = StringIO()

    call_command("create_payouts", stdout=out)

    assert out.getvalue().splitlines() == [
        "No payouts created.",
        f"  salon {salon.pk}: {Skip.NO_IBAN} (available 101.77 SAR)",
    ]


def test_create_payouts_command_refuses_a_minimum_of_nothing():
    with pytest.raises(CommandError, match="--minimum"):
        call_command("create_payouts", "--minimum", "0")


def test_the_minimum_defaults_to_the_setting(salon, stylist, customer, iban, settings):
    settings.PAYOUT_MINIMUM_HALALAS = NET + 1
    receive(visit(stylist, customer, days=-4))

    assert payout_batch_create().payouts == []
    settings.PAYOUT_MINIMUM_HALALAS = NET
    assert len(payout_batch_create().payouts) == 1
