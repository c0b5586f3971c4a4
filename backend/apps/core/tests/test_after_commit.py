"""After-commit hooks log and swallow their own failures (Django ticket #36487)."""

import logging
from functools import partial

import pytest
from django.db import transaction

from apps.core.after_commit import on_commit_safely


def _fail(*, booking_id: int) -> None:
    raise RuntimeError(f"provider down for booking {booking_id}")


@pytest.mark.django_db(transaction=True)
def test_a_failing_hook_is_logged_and_the_next_hook_still_runs(caplog):
    ran = []

    with caplog.at_level(logging.ERROR, logger="apps.core.after_commit"), transaction.atomic():
        on_commit_safely(partial(_fail, booking_id=7), name="notifications.send_due")
        on_commit_safely(partial(ran.append, "refund"), name="payments.refund_execute")

    assert ran == ["refund"]
    (record,) = caplog.records
    assert record.getMessage() == (
        "After-commit hook notifications.send_due failed; it is left to the retrying commands"
    )
    assert record.exc_info[1].args == ("provider down for booking 7",)


@pytest.mark.django_db(transaction=True)
def test_in_a_request_an_after_response_hook_runs_once_the_response_is_sent():
    from apps.core.after_commit import _request_finished, _request_started

    ran = []
    _request_started()  # what `request_started` calls
    try:
        with transaction.atomic():
            on_commit_safely(partial(ran.append, "messages"), name="notifications.send_due", after_response=True)
            on_commit_safely(partial(ran.append, "refund"), name="payments.refund_execute")
        assert ran == ["refund"]
    finally:
        _request_finished()  # what `request_finished` calls, once the server has sent the response

    assert ran == ["refund", "messages"]
    _request_finished()  # a second end of request runs nothing twice
    assert ran == ["refund", "messages"]


@pytest.mark.django_db(transaction=True)
def test_outside_a_request_an_after_response_hook_runs_at_commit(caplog):
    ran = []

    with caplog.at_level(logging.ERROR, logger="apps.core.after_commit"), transaction.atomic():
        on_commit_safely(partial(_fail, booking_id=8), name="notifications.send_due", after_response=True)
        on_commit_safely(partial(ran.append, "messages"), name="notifications.send_due", after_response=True)
        assert ran == []

    assert ran == ["messages"]
    assert caplog.records[0].exc_info[1].args == ("provider down for booking 8",)
