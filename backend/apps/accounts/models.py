import contextlib
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .phone import normalize_phone_number


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class Role(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    STAFF = "staff", _("Staff member")
    MANAGER = "manager", _("Manager")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, phone_number, password, **extra_fields):
        if not phone_number:
            raise ValueError("A phone number is required.")
        phone_number = normalize_phone_number(phone_number)
        email = extra_fields.pop("email", None)
        email = self.normalize_email(email) if email else None
        user = self.model(phone_number=phone_number, email=email, **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, phone_number, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(phone_number, password, **extra_fields)

    def create_superuser(self, phone_number, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True or extra_fields["is_superuser"] is not True:
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(phone_number, password, **extra_fields)

    def get_by_natural_key(self, username):
        with contextlib.suppress(ValidationError):  # an unparsable login name simply matches no user
            username = normalize_phone_number(username)
        return self.get(**{self.model.USERNAME_FIELD: username})


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with a mobile number: customer, stylist, manager or admin."""

    phone_number = models.CharField(
        _("phone number"), max_length=16, unique=True, help_text=_("E.164, e.g. +966501234567")
    )
    # Only a verified email is unique (a partial index): an address typed by someone who does not own
    # it blocks nobody. A new address waits in `pending_email` until the code mailed to it is entered.
    email = models.EmailField(_("email"), null=True, blank=True)
    email_verified = models.BooleanField(_("email verified"), default=False)
    pending_email = models.EmailField(_("email waiting for verification"), null=True, blank=True)
    email_code_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    email_code_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    email_undeliverable = models.BooleanField(
        _("email undeliverable"),
        default=False,
        help_text=_("The mail provider reported a bounce or a complaint: no email is sent until it is verified again."),
    )
    booking_emails = models.BooleanField(
        _("booking messages by email"),
        default=True,
        help_text=_("Customers: also receive booking messages at their verified email (off after unsubscribing)."),
    )
    daily_agenda_by_email = models.BooleanField(
        _("tomorrow's bookings by email"),
        default=False,
        help_text=_("Managers: also receive the list of tomorrow's bookings by email every evening."),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ARABIC
    )
    is_phone_verified = models.BooleanField(_("phone verified"), default=False)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.CUSTOMER)
    salon_alerts_by_sms = models.BooleanField(
        _("salon alerts by SMS"),
        default=True,
        help_text=_(
            "Managers and stylists: also receive the salon's booking alerts by SMS (they are always in the app's inbox)."
        ),
    )
    is_staff = models.BooleanField(
        _("admin site access"), default=False, help_text=_("Can sign in to the Django admin.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "phone_number"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["-date_joined"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(email_verified=True),
                name="accounts_user_verified_email_ci_unique",
                violation_error_message=_("A user with this email already exists."),
            ),
        ]

    def __str__(self) -> str:
        full_name = self.get_full_name()
        return f"{full_name} ({self.phone_number})" if full_name else self.phone_number

    def clean(self):
        super().clean()
        if self.email:
            self.email = self.__class__.objects.normalize_email(self.email)
        if self.email == "":
            self.email = None

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.phone_number


class OTPChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")


class OTPPurpose(models.TextChoices):
    """What a code is for: a sign-in code never confirms anything else, and the other way round."""

    SIGN_IN = "sign_in", _("Sign-in")
    PAYOUT_DETAILS = "payout_details", _("Change of the salon's payout details")
    DELETE_ACCOUNT = "delete_account", _("Deletion of the account")
    CHANGE_PHONE = "change_phone", _("Change of the account's phone number")


class OTPStatus(models.TextChoices):
    SENDING = "sending", _("Sending")
    ACTIVE = "active", _("Active")
    USED = "used", _("Used")
    SUPERSEDED = "superseded", _("Replaced by a newer code")
    DEAD = "dead", _("Too many wrong attempts")
    FAILED = "failed", _("Could not be sent")


class OTPRequest(models.Model):
    """One one-time code sent to a phone number. The code itself is never stored, only its HMAC
    (or nothing, when the provider generates and checks the code)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    phone_number = models.CharField(_("phone number"), max_length=16, db_index=True)
    channel = models.CharField(_("channel"), max_length=16, choices=OTPChannel.choices)
    purpose = models.CharField(_("purpose"), max_length=32, choices=OTPPurpose.choices, default=OTPPurpose.SIGN_IN)
    provider = models.CharField(_("provider"), max_length=32)
    code_hash = models.CharField(_("code hash"), max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=OTPStatus.choices, default=OTPStatus.SENDING)
    attempts = models.PositiveSmallIntegerField(_("wrong attempts"), default=0)
    # The latest wrong attempt: the number's daily failure budget counts a code's attempts until then + 24 h.
    last_failed_at = models.DateTimeField(_("last wrong attempt at"), null=True, blank=True)
    ip_address = models.CharField(_("IP address"), max_length=64, db_index=True)
    # What the per-address limit counts (`apps.core.net.ip_limit_key`): the address, or an IPv6 /64.
    ip_network = models.CharField(_("IP network"), max_length=64, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    failure_reason = models.CharField(_("failure reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["phone_number", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["ip_network", "created_at"], name="accounts_otp_ip_net_created"),
        ]
        constraints = [
            # Activating a code supersedes the number's previous one for the same purpose; the database
            # makes it true.
            models.UniqueConstraint(
                fields=["phone_number", "purpose"],
                condition=Q(status=OTPStatus.ACTIVE),
                name="accounts_otp_one_active_per_phone_purpose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phone_number} {self.created_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def resend_available_at(self) -> datetime:
        """When the number's resend cooldown ends."""
        return self.created_at + timedelta(seconds=settings.OTP_RESEND_COOLDOWN_SECONDS)


class ConsentPurpose(models.TextChoices):
    """What a person may agree to be messaged about. Booking messages (confirmations, changes,
    cancellations, payments and refunds) are part of the service while a booking exists: they need no
    consent and are not listed here."""

    REMINDERS = "reminders", _("Reminders")
    MARKETING = "marketing", _("Marketing")


class ConsentChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("Email")


class ConsentSource(models.TextChoices):
    APP = "app", _("The app")
    SMS_KEYWORD = "sms_keyword", _("A reply keyword (STOP)")
    ADMIN = "admin", _("An administrator")
    SIGNUP = "signup", _("Sign-up")
    EMAIL_LINK = "email_link", _("An email's unsubscribe link")


class ConsentChoice(models.Model):
    """One choice a person made about one purpose on one channel: append-only. The person's current
    consent is their latest choice per (purpose, channel), or the default (`apps.accounts.consents`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_choices", verbose_name=_("person")
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=ConsentChannel.choices)
    granted = models.BooleanField(_("granted"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    source = models.CharField(_("source"), max_length=16, choices=ConsentSource.choices)
    wording_version = models.CharField(
        _("wording version"), max_length=32, help_text=_("The version of the consent text the person was shown.")
    )

    class Meta:
        verbose_name = _("consent choice")
        verbose_name_plural = _("consent choices")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "purpose", "channel", "-at"])]

    def __str__(self) -> str:
        verb = "granted" if self.granted else "withdrew"
        return f"{self.user_id} {verb} {self.purpose}/{self.channel} ({self.source})"
