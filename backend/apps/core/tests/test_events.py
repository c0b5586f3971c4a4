"""The contracts between apps: who reacts to which app's events, in which order."""

from apps.bookings.attachments import booking_attachment
from apps.bookings.events import booking_reactors
from apps.core.events import Reactors
from apps.payments.events import payment_reactors
from apps.salons.events import catalog_reactors


def test_reactions_run_in_the_order_they_were_registered_and_once_each():
    heard = []
    reactors: Reactors[str] = Reactors("test")
    first, second = (lambda event: heard.append(("first", event))), (lambda event: heard.append(("second", event)))
    reactors.register(first)
    reactors.register(second)
    reactors.register(first)

    reactors.publish("hello")

    assert heard == [("first", "hello"), ("second", "hello")]


def test_payments_notifications_the_back_office_packages_then_google_calendar_react_to_bookings():
    assert booking_reactors.names == [
        "apps.payments.reactions.refund_cancelled_booking",
        "apps.payments.deposits.settle_card_hold",
        "apps.notifications.reactions.notify_booking_changed",
        "apps.backoffice.personal_data.booking_changed_on_behalf_audit",
        "apps.packages.redemptions.redemption_booking_changed",
        "apps.google_calendar.outbound.calendar_booking_changed",
        "apps.waitlist.reactions.waitlist_booking_changed",
    ]


def test_notifications_the_ledger_then_invoicing_react_to_payments():
    assert payment_reactors.names == [
        "apps.notifications.reactions.notify_money_moved",
        "apps.ledger.reactions.ledger_money_moved",
        "apps.invoicing.reactions.invoice_money_moved",
    ]


def test_payments_attach_the_payment_to_a_booking():
    attachment = booking_attachment("payment")

    assert attachment is not None
    assert attachment.represent.__module__ == "apps.payments.attachments"


def test_bookings_react_to_the_catalog_with_the_availability_hook():
    assert catalog_reactors.names == ["apps.bookings.availability_changes.catalog_changed_react"]
