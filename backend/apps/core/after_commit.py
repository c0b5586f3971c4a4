"""After-commit hooks that can never fail the request that scheduled them.

A hook runs once the change is committed: its failure must not turn a saved change into a 500, nor
skip the hooks queued after it (an immediate refund after a cancellation). Each hook logs and
swallows its own failure; the outbox (`send_pending_notifications`) and the reconciliation commands
retry whatever it did not do.

Hooks are plain closures: Django 5.2's `on_commit(..., robust=True)` logs a failure with
`func.__qualname__`, which a `functools.partial` lacks, so the logging itself raised and the
exception escaped (Django ticket #36487).

A hook whose work the client need not wait for (`after_response=True`: sending the messages an outbox
already holds) runs, when the commit happens while a request is being served, once the response has
been sent: gunicorn closes the response after writing it, which sends `request_finished`. If the
process dies before that, the retrying commands do it, as after any failure.
"""

import logging
import threading
from collections.abc import Callable

from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, transaction

logger = logging.getLogger(__name__)

# The hooks waiting for the end of the request this thread serves; None outside a request.
_request = threading.local()


def on_commit_safely(
    fn: Callable[[], object], *, name: str, using: str = DEFAULT_DB_ALIAS, after_response: bool = False
) -> None:
    """Run `fn()` after the current transaction commits (at once outside one), or with `after_response`
    once the current request's response is sent (see the module docstring); a failure is logged under
    `name` and swallowed."""

    def hook() -> None:
        try:
            fn()
        except Exception:  # the change is committed; the retrying commands catch up
            logger.exception("After-commit hook %s failed; it is left to the retrying commands", name)

    hook.__qualname__ = hook.__name__ = f"after_commit[{name}]"
    if after_response:
        transaction.on_commit(lambda: _after_response(hook), using=using)
    else:
        transaction.on_commit(hook, using=using)


def _after_response(hook: Callable[[], None]) -> None:
    waiting = getattr(_request, "hooks", None)
    if waiting is None:
        hook()
    else:
        waiting.append(hook)


def _request_started(**kwargs) -> None:
    _request.hooks = []


def _request_finished(**kwargs) -> None:
    """Run the hooks the request left for after its response, in order (each swallows its failure)."""
    hooks, _request.hooks = getattr(_request, "hooks", None), None
    for hook in hooks or ():
        hook()


def connect_request_signals() -> None:
    """Called from the core app's `ready`."""
    request_started.connect(_request_started, dispatch_uid="after_commit.request_started")
    request_finished.connect(_request_finished, dispatch_uid="after_commit.request_finished")
