"""Certificates that expire: a unit whose production certificate ends within
`ZATCA_EXPIRY_NOTICE_DAYS` becomes `expiring` and its managers are told (once per certificate); one
whose certificate has ended becomes `expired` (it can no longer sign: onboard it again)."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .alerts import unit_alert
from .models import SIGNING_STATES, EgsUnit, UnitState


def unit_check_certificates(*, now: datetime | None = None) -> Counter:
    now = now or timezone.now()
    notice = now + timedelta(days=settings.ZATCA_EXPIRY_NOTICE_DAYS)
    counts: Counter = Counter()
    due = EgsUnit.objects.filter(state__in=SIGNING_STATES, certificate_expires_at__lte=notice).values_list(
        "pk", flat=True
    )
    for unit_id in due:
        with transaction.atomic():
            unit = EgsUnit.objects.select_for_update().get(pk=unit_id)
            if unit.state not in SIGNING_STATES:
                continue
            if unit.certificate_expires_at <= now:
                unit.state = UnitState.EXPIRED
                unit.save(update_fields=["state", "updated_at"])
                counts["expired"] += 1
                continue
            if unit.state != UnitState.EXPIRING:
                unit.state = UnitState.EXPIRING
                unit.save(update_fields=["state", "updated_at"])
                counts["expiring"] += 1
            if unit.expiry_notice_sent_for != unit.certificate_expires_at:
                expires = unit.certificate_expires_at
                unit_alert(
                    unit=unit,
                    event="zatca_certificate_expiring",
                    occurrence=expires.isoformat(),
                    values={},
                    when=expires,
                )
                unit.expiry_notice_sent_for = expires
                unit.save(update_fields=["expiry_notice_sent_for", "updated_at"])
                counts["told"] += 1
    return counts
