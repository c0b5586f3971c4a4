"""Real threads against the real database: one salon's unit is onboarded once, whoever presses first."""

import threading
from collections import Counter

import pytest
from django.db import connection

from apps.core.exceptions import AppError
from apps.salons.tests.factories import make_salon
from apps.zatca.models import EgsUnit, UnitState
from apps.zatca.services import unit_onboard

from .conftest import LEGAL_DETAILS

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]

THREADS = 6


def run_together(call, count=THREADS) -> list:
    barrier = threading.Barrier(count)
    results: list = []
    lock = threading.Lock()

    def worker():
        try:
            barrier.wait()
            result = call()
            with lock:
                results.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_simultaneous_onboardings_of_one_salon_make_one_active_unit():
    salon = make_salon(**LEGAL_DETAILS)

    def onboard():
        try:
            return unit_onboard(salon_id=salon.pk, otp="123345").state
        except AppError as error:
            return error.code

    results = Counter(run_together(onboard))

    assert results[UnitState.ACTIVE] == 1
    assert set(results) <= {UnitState.ACTIVE, "zatca_onboarding_in_progress", "zatca_unit_already_active"}
    assert EgsUnit.objects.filter(salon=salon).count() == 1
    assert EgsUnit.objects.get(salon=salon).state == UnitState.ACTIVE
