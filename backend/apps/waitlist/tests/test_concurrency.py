"""Real threads against the real database: each freed time is offered once, in order of joining,
however many runners (servers, cron and after-commit runs) go at once."""

import pytest

from apps.core.tests.concurrency import race
from apps.waitlist.models import EntryStatus, WaitlistOffer
from apps.waitlist.offers import waitlist_offer_run

from .conftest import at, cancel

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


def test_two_runners_at_once_make_one_offer_of_one_freed_time(stylist, line, day, full_day):
    full_day[1].delete()  # 11:00 is free (freed without telling the waitlist)
    first, second = line(), line()

    results = race([waitlist_offer_run, waitlist_offer_run])

    assert sorted(results) == [0, 1]
    offer = WaitlistOffer.objects.get()
    assert (offer.entry_id, offer.start) == (first.pk, at(day, "11:00"))
    second.refresh_from_db()
    assert second.status == EntryStatus.WAITING


def test_two_freed_times_and_three_in_line_go_to_the_first_two_in_order(stylist, line, day):
    first, second, third = line(), line(), line()

    results = race([waitlist_offer_run, waitlist_offer_run, waitlist_offer_run])

    assert sum(results) == 2
    offers = {offer.entry_id: offer.start for offer in WaitlistOffer.objects.all()}
    assert offers == {first.pk: at(day, "10:00"), second.pk: at(day, "11:00")}
    third.refresh_from_db()
    assert third.status == EntryStatus.WAITING


def test_concurrent_cancellations_and_a_runner_offer_each_freed_time_once_in_order(line, day, full_day):
    first, second, third = line(), line(), line()

    results = race([lambda: cancel(full_day[0]), lambda: cancel(full_day[1]), waitlist_offer_run])

    assert not [result for result in results if isinstance(result, BaseException)]
    # Whichever time freed first went to the first in line; each time once.
    offers = WaitlistOffer.objects.order_by("pk")
    assert [offer.entry_id for offer in offers] == [first.pk, second.pk]
    assert sorted(offer.start for offer in offers) == [at(day, "10:00"), at(day, "11:00")]
    third.refresh_from_db()
    assert third.status == EntryStatus.WAITING
