"""The reporting interface for `invoicing`: send one stamped document to
`/invoices/reporting/single` and say what to do next (the issue's table, zatca.md §5):

| ZATCA's answer          | `kind`             | what the caller does                                      |
|-------------------------|--------------------|-----------------------------------------------------------|
| 200                     | `reported`         | done                                                      |
| 202                     | `reported`         | done; keep `warnings`, never resend                       |
| 409                     | `already_reported` | done (treat as reported)                                  |
| 400                     | `rejected`         | keep `errors`, alert; never resend; correct by a new doc  |
| 401                     | `unauthorized`     | the unit is marked `failed` here; resend after renewal    |
| 429, 5xx, timeout, else | `retry`            | send the identical XML again later, with backoff          |

Makes an HTTP call: call it outside any transaction."""

import logging
from dataclasses import dataclass
from enum import StrEnum

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .alerts import unit_alert
from .credentials import production_credentials
from .models import EgsUnit, UnitState
from .providers import Message, get_provider
from .signing import StampedDocument

logger = logging.getLogger(__name__)
UNAUTHORIZED_REASON = _(
    "ZATCA refused its certificate. Renew it, or onboard the unit again, with a new one-time password."
)


class OutcomeKind(StrEnum):
    REPORTED = "reported"
    ALREADY_REPORTED = "already_reported"
    REJECTED = "rejected"
    UNAUTHORIZED = "unauthorized"
    RETRY = "retry"


@dataclass(frozen=True)
class ReportOutcome:
    kind: OutcomeKind
    http_status: int | None
    warnings: tuple[dict, ...] = ()
    errors: tuple[dict, ...] = ()

    @property
    def is_final(self) -> bool:
        """Whether the document must never be sent again."""
        return self.kind in (OutcomeKind.REPORTED, OutcomeKind.ALREADY_REPORTED, OutcomeKind.REJECTED)


def _plain(items: tuple[Message, ...]) -> tuple[dict, ...]:
    return tuple({"code": item.code, "category": item.category, "message": item.message} for item in items)


KINDS = {200: OutcomeKind.REPORTED, 202: OutcomeKind.REPORTED, 409: OutcomeKind.ALREADY_REPORTED}


def report(*, unit: EgsUnit, stamped: StampedDocument) -> ReportOutcome:
    answer = get_provider().report(
        credentials=production_credentials(unit), invoice_hash=stamped.invoice_hash, uuid=stamped.uuid, xml=stamped.xml
    )
    status = answer.http_status
    if status in KINDS:
        kind = KINDS[status]
    elif status == 400:
        kind = OutcomeKind.REJECTED
    elif status == 401:
        kind = OutcomeKind.UNAUTHORIZED
        EgsUnit.objects.filter(pk=unit.pk).update(
            state=UnitState.FAILED,
            last_message="ZATCA refused the unit's credentials (401) while reporting.",
            last_http_status=401,
            updated_at=timezone.now(),
        )
        unit_alert(
            unit=unit,
            event="zatca_unit_failed",
            occurrence=f"unauthorized:{unit.certificate_serial}",
            values={"reason": str(UNAUTHORIZED_REASON)},
        )
    else:
        kind = OutcomeKind.RETRY
    if kind in (OutcomeKind.REJECTED, OutcomeKind.UNAUTHORIZED, OutcomeKind.RETRY):
        logger.warning("zatca report of %s by unit %s: %s (HTTP %s)", stamped.uuid, unit.pk, kind, status)
    return ReportOutcome(kind=kind, http_status=status, warnings=_plain(answer.warnings), errors=_plain(answer.errors))
