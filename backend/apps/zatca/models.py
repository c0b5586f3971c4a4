"""E-invoicing (EGS) units: one per salon with a VAT number, plus the platform's own (deemed supplier).

A unit holds its secp256k1 private key and its certificates (`binarySecurityToken` + `secret`, the
compliance one while onboarding, then the production one), all sealed with Fernet (`crypto.py`): the
`*_sealed` fields are never shown in a response, a log line, an export or the admin. The counter and
the hash chain are not here: they are `invoicing.DocumentSequence`'s (one per issuer = one per unit)."""

import uuid

from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from apps.salons.models import Salon


class UnitState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    COMPLIANCE = "compliance", _("Compliance checks")
    ACTIVE = "active", _("Active")
    EXPIRING = "expiring", _("Certificate expiring")
    EXPIRED = "expired", _("Certificate expired")
    FAILED = "failed", _("Failed")


# States in which the unit has a production certificate it may sign with.
SIGNING_STATES = (UnitState.ACTIVE, UnitState.EXPIRING)


class EgsUnit(models.Model):
    salon = models.OneToOneField(
        Salon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="egs_unit",
        verbose_name=_("salon"),
        help_text=_("Empty for the platform's own unit (the platform as deemed supplier)."),
    )
    serial = models.UUIDField(_("unit serial"), default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(_("state"), max_length=16, choices=UnitState.choices, default=UnitState.NOT_STARTED)
    last_message = models.TextField(_("ZATCA's last message"), blank=True)
    last_http_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    private_key_sealed = models.TextField(blank=True, editable=False)
    compliance_request_id = models.CharField(max_length=64, blank=True, editable=False)
    compliance_token_sealed = models.TextField(blank=True, editable=False)
    compliance_secret_sealed = models.TextField(blank=True, editable=False)
    production_token_sealed = models.TextField(blank=True, editable=False)
    production_secret_sealed = models.TextField(blank=True, editable=False)
    certificate_serial = models.CharField(_("certificate serial number"), max_length=80, blank=True)
    certificate_expires_at = models.DateTimeField(_("certificate expires at"), null=True, blank=True)
    expiry_notice_sent_for = models.DateTimeField(
        _("expiry notice sent for"),
        null=True,
        blank=True,
        help_text=_("The expiry date the managers were last told about (once per certificate)."),
    )
    onboarded_at = models.DateTimeField(_("onboarded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("e-invoicing unit")
        verbose_name_plural = _("e-invoicing units")
        ordering = ["id"]
        constraints = [
            # At most one platform unit (salon empty): unique on the salon, the platform counting as 0.
            models.UniqueConstraint(Coalesce("salon", Value(0)), name="egs_unit_one_per_issuer"),
            models.CheckConstraint(
                condition=~Q(state__in=SIGNING_STATES)
                | (
                    ~Q(production_token_sealed="") & ~Q(private_key_sealed="") & Q(certificate_expires_at__isnull=False)
                ),
                name="egs_unit_signing_needs_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"EGS {self.salon_id or 'platform'} ({self.state})"

    @property
    def is_platform(self) -> bool:
        return self.salon_id is None
