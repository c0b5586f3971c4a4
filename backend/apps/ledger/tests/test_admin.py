"""The admin: the books are read-only; payouts are created (a run or an action on salons), exported to
the bank, and marked sent or returned through an intermediate page asking for the bank's references."""

import pytest
from django.test import Client
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import make_user

from ..forms import PayoutAnswerForm
from ..models import LedgerTransaction, Payout, PayoutBatch, PayoutStatus, SalonCommission, SalonPayoutAccount
from ..payouts import bank_file_csv, payout_batch_create
from ..selectors import salon_balance
from .conftest import IBAN, PRICE, receive, visit

pytestmark = pytest.mark.django_db
NET = PRICE - 1150 - 173


@pytest.fixture
def admin_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def payable(salon, stylist, customer):
    receive(visit(stylist, customer))
    return SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())


def test_the_books_are_shown_and_cannot_be_changed(admin_client, payable):
    txn = LedgerTransaction.objects.first()
    entry = txn.entries.first()

    assert admin_client.get("/admin/ledger/ledgertransaction/").status_code == 200
    page = admin_client.get(f"/admin/ledger/ledgertransaction/{txn.pk}/change/")
    assert page.status_code == 200
    assert txn.key in page.content.decode()
    assert admin_client.get("/admin/ledger/ledgeraccount/").status_code == 200
    assert admin_client.get("/admin/ledger/ledgerentry/").status_code == 200
    assert admin_client.post(f"/admin/ledger/ledgertransaction/{txn.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/ledger/ledgerentry/add/").status_code == 403
    assert admin_client.post(f"/admin/ledger/ledgerentry/{entry.pk}/change/", {"amount": 1}).status_code == 403
    assert LedgerTransaction.objects.filter(pk=txn.pk).exists()


def test_the_iban_is_shown_masked(admin_client, payable):
    page = admin_client.get("/admin/ledger/salonpayoutaccount/").content.decode()

    assert "SA03 **** **** **** **** 7519" in page
    assert IBAN not in page


def test_a_run_from_the_admin_creates_a_batch(admin_client, admin_user, payable):
    assert (
        "Create payouts" in admin_client.get("/admin/ledger/payoutbatch/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    response = admin_client.post("/admin/ledger/payoutbatch/create/", {"minimum": "100.00"})

    assert response.status_code == 302
    payout = Payout.objects.get()
    assert (payout.amount, payout.created_by, payout.batch.minimum_amount) == (NET, admin_user, 10000)


def test_a_run_with_a_minimum_too_high_creates_nothing(admin_client, payable):
    admin_client.post("/admin/ledger/payoutbatch/create/", {"minimum": "102.00"})

    assert (PayoutBatch.objects.count(), Payout.objects.count()) == (0, 0)


def test_only_platform_admins_run_payouts(payable):
    staff = Client()
    staff.force_login(make_user(is_staff=True))

    assert staff.post("/admin/ledger/payoutbatch/create/", {"minimum": "1.00"}).status_code == 403
    assert Payout.objects.count() == 0


def test_the_action_on_salons_pays_the_selected_ones(admin_client, payable, salon):
    response = admin_client.post(
        "/admin/ledger/salonpayoutaccount/", {"action": "pay_out", "_selected_action": [payable.pk]}
    )

    assert response.status_code == 302
    assert Payout.objects.get().salon == salon


def test_the_bank_file_of_a_batch(admin_client, payable):
    run = payout_batch_create(minimum=1)

    response = admin_client.post(
        "/admin/ledger/payoutbatch/", {"action": "download_bank_file", "_selected_action": [run.batch.pk]}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="payouts-')
    assert response.content == bank_file_csv(run.payouts)


def test_marking_sent_asks_for_each_reference_then_posts(admin_client, payable, salon):
    payout = payout_batch_create(minimum=1).payouts[0]
    selected = {"action": "mark_sent", "_selected_action": [payout.pk]}

    form_page = admin_client.post("/admin/ledger/payout/", selected)
    assert form_page.status_code == 200
    assert f'name="reference_{payout.pk}"' in form_page.content.decode()
    assert Payout.objects.get().status == PayoutStatus.CREATED

    done = admin_client.post("/admin/ledger/payout/", {**selected, "apply": "1", f"reference_{payout.pk}": "TRF-5"})

    assert done.status_code == 302
    payout.refresh_from_db()
    assert (payout.status, payout.bank_reference) == (PayoutStatus.SENT, "TRF-5")
    assert salon_balance(salon=salon).paid_out == NET


def test_marking_returned_with_a_reason(admin_client, payable, salon):
    payout = payout_batch_create(minimum=1).payouts[0]

    admin_client.post(
        "/admin/ledger/payout/",
        {
            "action": "mark_returned",
            "_selected_action": [payout.pk],
            "apply": "1",
            f"reference_{payout.pk}": "RET-1",
            "reason": "IBAN closed",
        },
    )

    payout.refresh_from_db()
    assert (payout.status, payout.return_reference, payout.return_reason) == ("returned", "RET-1", "IBAN closed")
    assert salon_balance(salon=salon).available == NET


def test_a_missing_reference_shows_the_form_again(admin_client, payable):
    payout = payout_batch_create(minimum=1).payouts[0]

    page = admin_client.post(
        "/admin/ledger/payout/", {"action": "mark_sent", "_selected_action": [payout.pk], "apply": "1"}
    )

    assert page.status_code == 200
    assert isinstance(page.context["form"], PayoutAnswerForm)
    assert page.context["form"].errors
    assert Payout.objects.get().status == PayoutStatus.CREATED


def test_a_salons_own_commission_rate_is_audited(admin_client, admin_user, salon):
    admin_client.post("/admin/ledger/saloncommission/add/", {"salon": salon.pk, "rate_bps": 800, "note": "launch"})
    rate = SalonCommission.objects.get()
    admin_client.post(f"/admin/ledger/saloncommission/{rate.pk}/change/", {"salon": salon.pk, "rate_bps": 900})

    changes = list(
        AuditEntry.objects.filter(object_type="saloncommission").order_by("id").values_list("changes", flat=True)
    )
    assert changes == [{"rate_bps": [None, 800]}, {"rate_bps": [800, 900]}]
