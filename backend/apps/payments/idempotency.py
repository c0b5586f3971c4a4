"""`Idempotency-Key`: a client's repeat of a request gets the first response instead of a second effect.

A key is claimed in its own short committed transaction before the work starts, so a concurrent
repeat sees it (409 while the first runs); the response (status and exact bytes) is stored when the
work ends and replayed for a repeat with the same body, while the same key with another body is
refused (422). A key left `in_progress` by a crashed request may be taken over after a few minutes.
Server-side failures (5xx) release the key so that the client can try again with it, unless the work
had already bound the key to something it started that cannot be taken back (a payment sent to the
gateway): the key then stays `interrupted` and bound to it, and a retry with the same key continues
that same thing (the same payment, the same `given_id`) instead of starting another.
Keys are kept at least 24 hours; `reconcile_payments` deletes older ones.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.renderers import JSONRenderer

from apps.core.exceptions import AppError, error_body

from .errors import IdempotencyInProgress, IdempotencyKeyInvalid, IdempotencyKeyRequired, IdempotencyKeyReused
from .models import IdempotencyKey, IdempotencyStatus

HEADER = "Idempotency-Key"
STALE_AFTER = timedelta(minutes=5)
RETENTION = timedelta(hours=24)
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


@dataclass(frozen=True)
class StoredResponse:
    status_code: int
    body: bytes


@dataclass(frozen=True)
class Claim:
    """The right to do the work of a request under its key. `resource_id`: what an interrupted earlier
    run of the same request started (empty when nothing), for the work to continue."""

    user: Any
    key: str
    resource_id: str = ""

    def bind(self, resource_id) -> None:
        """Record what this run started, in the caller's transaction: should the run then fail, the key
        stays bound to it (`interrupted`) instead of being released."""
        IdempotencyKey.objects.filter(user=self.user, key=self.key).update(resource_id=str(resource_id))


def idempotency_key_from(headers) -> str:
    """The request's key, checked: visible ASCII, 1 to 255 characters."""
    key = headers.get(HEADER)
    if key is None or not key.strip():
        raise IdempotencyKeyRequired()
    if not _VALID_KEY.match(key):
        raise IdempotencyKeyInvalid()
    return key


def request_fingerprint(*, scope: str, data) -> str:
    """A hash of the request's meaning: the operation and its body with keys in a canonical order."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{scope}\n{canonical}".encode()).hexdigest()


def idempotency_claim(*, user, key: str, fingerprint: str, now: datetime | None = None) -> StoredResponse | Claim:
    """Claim `key` for this request. A claim: the caller does the work (a new key, one left interrupted,
    or one abandoned by a crashed request). A stored response: the same request already completed;
    replay it."""
    now = now or timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                IdempotencyKey.objects.create(
                    user=user, key=key, fingerprint=fingerprint, status=IdempotencyStatus.IN_PROGRESS, locked_at=now
                )
            return Claim(user=user, key=key)
        except IntegrityError:
            record = IdempotencyKey.objects.select_for_update().filter(user=user, key=key).first()
        if record is None:  # released between our insert and our read: a concurrent request holds it now
            raise IdempotencyInProgress()
        if record.fingerprint != fingerprint:
            raise IdempotencyKeyReused()
        if record.status == IdempotencyStatus.COMPLETED:
            return StoredResponse(record.response_status, record.response_body.encode())
        if record.status == IdempotencyStatus.IN_PROGRESS and record.locked_at > now - STALE_AFTER:
            raise IdempotencyInProgress()
        record.status = IdempotencyStatus.IN_PROGRESS
        record.locked_at = now
        record.save(update_fields=["status", "locked_at"])
        return Claim(user=user, key=key, resource_id=record.resource_id)


def idempotency_complete(*, user, key: str, response: StoredResponse) -> None:
    with transaction.atomic():
        IdempotencyKey.objects.filter(user=user, key=key).update(
            status=IdempotencyStatus.COMPLETED,
            response_status=response.status_code,
            response_body=response.body.decode(),
        )


def idempotency_release(*, user, key: str) -> None:
    """The work failed: a key bound to something the work started is kept, `interrupted`, for a retry
    to continue it; any other key is deleted, for a retry to start afresh."""
    with transaction.atomic():
        running = IdempotencyKey.objects.filter(user=user, key=key, status=IdempotencyStatus.IN_PROGRESS)
        running.exclude(resource_id="").update(status=IdempotencyStatus.INTERRUPTED)
        running.filter(resource_id="").delete()


def idempotent_call(
    *, user, key: str, fingerprint: str, operation: Callable[[Claim], StoredResponse]
) -> StoredResponse:
    """Run `operation` once for this key and body; a repeat gets the stored response. A client error
    (`AppError` below 500) is an answer like any other: stored in the error body and replayed. Anything
    else it raises, server errors included, releases the key (see `idempotency_release`), so that the
    client may try again with it."""
    claim = idempotency_claim(user=user, key=key, fingerprint=fingerprint)
    if isinstance(claim, StoredResponse):
        return claim
    try:
        try:
            response = operation(claim)
        except AppError as exc:
            if exc.status_code >= 500:
                raise
            body = error_body(exc.message, exc.code, exc.errors, **exc.extra)
            response = StoredResponse(exc.status_code, JSONRenderer().render(body))
    except BaseException:
        idempotency_release(user=user, key=key)
        raise
    idempotency_complete(user=user, key=key, response=response)
    return response


def idempotency_purge(*, now: datetime | None = None) -> int:
    """Delete keys older than the retention period; returns how many."""
    now = now or timezone.now()
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=now - RETENTION).delete()
    return deleted
