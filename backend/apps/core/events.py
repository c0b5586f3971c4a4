"""A typed, one-way contract between apps: an app publishes events of its own; the apps above it
react, without the publisher importing them.

Each topic is a `Reactors` list owned by the publishing app. Reacting apps register their functions
in their `AppConfig.ready`, so the order of reactions is the order of `INSTALLED_APPS` and is
asserted by a test. Reactors run synchronously, inside the publisher's transaction: what they
record commits or rolls back with the change that caused it; anything that leaves the process
(SMS, gateway calls) they schedule with `transaction.on_commit`.
"""

from collections.abc import Callable
from typing import Generic, TypeVar

from apps.core.observability.metrics import DOMAIN_EVENTS, count_after_commit

Event = TypeVar("Event")


class Reactors(Generic[Event]):
    """The ordered reactions to one app's events."""

    def __init__(self, topic: str):
        self.topic = topic
        self._reactors: list[Callable[[Event], None]] = []

    def register(self, reactor: Callable[[Event], None]) -> None:
        """Add `reactor` at the end; registering the same function twice keeps one (ready() may run twice)."""
        if reactor not in self._reactors:
            self._reactors.append(reactor)

    def publish(self, event: Event) -> None:
        for reactor in self._reactors:
            reactor(event)
        kind = getattr(event, "kind", type(event).__name__)
        count_after_commit(DOMAIN_EVENTS.labels(self.topic, str(kind)))

    @property
    def names(self) -> list[str]:
        """`module.function` of each reactor, in order (for tests and the docs)."""
        return [f"{reactor.__module__}.{reactor.__qualname__}" for reactor in self._reactors]
