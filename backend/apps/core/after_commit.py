"""After-commit hooks that can never fail the request that scheduled them.

A hook runs once the change is committed: its failure must not turn a saved change into a 500, nor
skip the hooks queued after it (an immediate refund after a cancellation). Each hook logs and
swallows its own failure; the outbox (`send_pending_notifications`) and the reconciliation commands
retry whatever it did not do.

Hooks are plain closures: Django 5.2's `on_commit(..., robust=True)` logs a failure with
`func.__qualname__`, which a `functools.partial` lacks, so the logging itself raised and the
exception escaped (Django ticket #36487).
"""

import logging
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, transaction

logger = logging.getLogger(__name__)


def on_commit_safely(fn: Callable[[], object], *, name: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Run `fn()` after the current transaction commits (at once outside one); a failure is logged
    under `name` and swallowed."""

    def hook() -> None:
        try:
            fn()
        except Exception:  # the change is committed; the retrying commands catch up
            logger.exception("After-commit hook %s failed; it is left to the retrying commands", name)

    hook.__qualname__ = hook.__name__ = f"after_commit[{name}]"
    transaction.on_commit(hook, using=using)
