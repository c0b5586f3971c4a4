"""Salon settings, read from the environment (and from `.env` when present).

Every variable is listed with a safe development value and a comment in
`.env.example` at the repository root.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

BACKEND_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BACKEND_DIR.parent

load_dotenv(REPO_DIR / ".env", override=False)


def env_str(name: str, default: str = "") -> str:
    """The variable's value; unset or empty means the default."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off. "
            "Set it in the environment or in .env (see .env.example)."
        )
    SECRET_KEY = "dev-only-insecure-secret-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

# Our apps come first so that their templates and Arabic catalogues take precedence.
INSTALLED_APPS = [
    "apps.core",
    "apps.accounts",
    "apps.salons",
    "apps.audit",
    "apps.bookings",
    "apps.discovery",
    "apps.payments",
    "apps.notifications",
    "apps.backoffice",
    "apps.reports",
    "apps.ledger",
    "apps.invoicing",
    "apps.privacy",
    # Development only (`seed_demo`); installed always so that tests and `make run` have it. It imports
    # the apps above and none of them imports it.
    "apps.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "apps.core.net.ClientIPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BACKEND_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# SQLite by default (zero set-up); PostgreSQL when DATABASE_URL is set.


def database_config(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=0 if url.startswith("sqlite") else 60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Write transactions take the write lock up front, so check-then-insert
        # is serialised; waiting writers queue instead of failing with "locked".
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BACKEND_DIR / 'db.sqlite3'}")
DATABASES = {"default": database_config(DATABASE_URL)}

# --- Authentication ---------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = "Asia/Riyadh"
USE_I18N = True
USE_TZ = True

# --- Static files, media and the built SPA ----------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BACKEND_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BACKEND_DIR / "media")))
SPA_DIST_DIR = Path(env_str("SPA_DIST_DIR", str(REPO_DIR / "frontend" / "dist")))
# WhiteNoise serves the built SPA's files (assets, icons) from the site root; it looks once, at
# start-up, so a server started before the first `npm run build` needs a restart.
WHITENOISE_ROOT = SPA_DIST_DIR if SPA_DIST_DIR.is_dir() else None
# Vite names built assets by content hash (`/assets/index-3f9a2c1b.js`): cache them forever.
_HASHED_SPA_ASSET = re.compile(r"^/assets/.+-[\w-]{8,}\.\w+$")


def WHITENOISE_IMMUTABLE_FILE_TEST(path: str, url: str) -> bool:  # noqa: N802 - a Django setting
    return bool(_HASHED_SPA_ASSET.match(url))


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- CORS -------------------------------------------------------------------

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", "http://localhost:5173,http://127.0.0.1:5173")
CORS_EXPOSE_HEADERS = ["Retry-After", "Content-Language"]

# --- Security (DJANGO_SECURE=on behind TLS) --------------------------------

SECURE = env_bool("DJANGO_SECURE", False)
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
    SECURE_REDIRECT_EXEMPT = [r"^api/health/$"]
    if TRUSTED_PROXY_COUNT > 0:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# --- Django REST Framework --------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["apps.accounts.api.authentication.LanguageAwareJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "apps.core.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "apps.core.exceptions.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["apps.core.parsers.SafeJSONParser"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append("rest_framework.renderers.BrowsableAPIRenderer")

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("JWT_REFRESH_DAYS", 30)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}
if SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"] > timedelta(minutes=10):
    raise ImproperlyConfigured("JWT_ACCESS_MINUTES must be at most 10.")

SPECTACULAR_SETTINGS = {
    "TITLE": "Salon API",
    "DESCRIPTION": "Booking platform for beauty salons in Saudi Arabia.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # A choice set used by several components keeps one name.
    "ENUM_NAME_OVERRIDES": {
        "BookingStatusEnum": "apps.bookings.models.BookingStatus",
        "StatementEntryKindEnum": "apps.ledger.api.serializers.STATEMENT_KINDS",
        "ChannelEnum": "apps.accounts.models.OTPChannel",
        "ConsentChannelEnum": "apps.accounts.models.ConsentChannel",
        "ConsentPurposeEnum": "apps.accounts.models.ConsentPurpose",
        "ConsentSourceEnum": "apps.accounts.models.ConsentSource",
        "CityEnum": "apps.salons.models.City",
    },
}

# --- Phone numbers and one-time codes ---------------------------------------

PHONE_DEFAULT_REGION = env_str("PHONE_DEFAULT_REGION", "SA")
PHONE_ALLOWED_REGIONS = env_list("PHONE_ALLOWED_REGIONS", "SA")

OTP_PROVIDER = env_str("OTP_PROVIDER", "console")
OTP_EXPIRY_MINUTES = env_int("OTP_EXPIRY_MINUTES", 5)
OTP_RESEND_COOLDOWN_SECONDS = env_int("OTP_RESEND_COOLDOWN_SECONDS", 60)
OTP_MAX_PER_WINDOW = env_int("OTP_MAX_PER_WINDOW", 5)
OTP_WINDOW_MINUTES = env_int("OTP_WINDOW_MINUTES", 15)
OTP_MAX_ATTEMPTS = env_int("OTP_MAX_ATTEMPTS", 5)
OTP_IP_MAX_PER_HOUR = env_int("OTP_IP_MAX_PER_HOUR", 30)

AUTHENTICA_API_KEY = env_str("AUTHENTICA_API_KEY")
AUTHENTICA_BASE_URL = env_str("AUTHENTICA_BASE_URL", "https://api.authentica.sa").rstrip("/")
AUTHENTICA_TIMEOUT_SECONDS = env_float("AUTHENTICA_TIMEOUT_SECONDS", 10.0)
AUTHENTICA_SENDER_NAME = env_str("AUTHENTICA_SENDER_NAME")

if OTP_PROVIDER not in {"console", "authentica"}:
    raise ImproperlyConfigured("OTP_PROVIDER must be 'console' or 'authentica'.")
if OTP_PROVIDER == "authentica" and not AUTHENTICA_API_KEY:
    raise ImproperlyConfigured("AUTHENTICA_API_KEY is required when OTP_PROVIDER=authentica.")

# --- Payments (Moyasar) ------------------------------------------------------
# `fake` is an offline stand-in for development and tests; it is refused when DJANGO_DEBUG is off.

PAYMENT_PROVIDER = env_str("PAYMENT_PROVIDER", "fake" if DEBUG else "moyasar")
MOYASAR_BASE_URL = env_str("MOYASAR_BASE_URL", "https://api.moyasar.com/v1").rstrip("/")
MOYASAR_SECRET_KEY = env_str("MOYASAR_SECRET_KEY")
MOYASAR_PUBLISHABLE_KEY = env_str("MOYASAR_PUBLISHABLE_KEY")
MOYASAR_WEBHOOK_SECRET = env_str("MOYASAR_WEBHOOK_SECRET")
MOYASAR_TIMEOUT_SECONDS = env_float("MOYASAR_TIMEOUT_SECONDS", 15.0)
PAYMENT_METHODS = env_list("PAYMENT_METHODS", "creditcard,applepay,stcpay")
# Public address of the web app: payment callbacks return the browser there.
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")

if PAYMENT_PROVIDER not in {"fake", "moyasar"}:
    raise ImproperlyConfigured("PAYMENT_PROVIDER must be 'fake' or 'moyasar'.")
if PAYMENT_PROVIDER == "fake" and not DEBUG:
    raise ImproperlyConfigured("PAYMENT_PROVIDER=fake is for development only; set up Moyasar keys.")
if PAYMENT_PROVIDER == "moyasar" and not (MOYASAR_SECRET_KEY and MOYASAR_PUBLISHABLE_KEY and MOYASAR_WEBHOOK_SECRET):
    raise ImproperlyConfigured(
        "MOYASAR_SECRET_KEY, MOYASAR_PUBLISHABLE_KEY and MOYASAR_WEBHOOK_SECRET are required with PAYMENT_PROVIDER=moyasar."
    )

# --- Ledger and payouts ----------------------------------------------------------

# The platform's commission on each paid booking, in basis points of the amount paid (1000 = 10%);
# a salon may have its own rate (admin: salon commission rates). 15% VAT is charged on top of it.
PLATFORM_COMMISSION_RATE_BPS = env_int("PLATFORM_COMMISSION_RATE_BPS", 1000)
# The smallest payout `create_payouts` makes (halalas; 10000 = 100.00 SAR).
PAYOUT_MINIMUM_HALALAS = env_int("PAYOUT_MINIMUM_HALALAS", 10000)
# A paid booking's money is pending, not yet paid out, until this long after the visit ends (the
# refund window: a salon can still cancel a booking it left confirmed, an operator can still refund).
LEDGER_REFUND_WINDOW_HOURS = env_int("LEDGER_REFUND_WINDOW_HOURS", 72)

if not 0 <= PLATFORM_COMMISSION_RATE_BPS <= 10000:
    raise ImproperlyConfigured("PLATFORM_COMMISSION_RATE_BPS must be between 0 and 10000.")
if PAYOUT_MINIMUM_HALALAS < 1 or LEDGER_REFUND_WINDOW_HOURS < 0:
    raise ImproperlyConfigured("PAYOUT_MINIMUM_HALALAS must be positive and LEDGER_REFUND_WINDOW_HOURS not negative.")

# --- Notifications (booking SMS / WhatsApp) -----------------------------------

NOTIFICATION_PROVIDER = env_str("NOTIFICATION_PROVIDER", "console")
NOTIFICATION_DEFAULT_CHANNEL = env_str("NOTIFICATION_DEFAULT_CHANNEL", "sms")
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 6)
NOTIFICATION_RETRY_BASE_SECONDS = env_int("NOTIFICATION_RETRY_BASE_SECONDS", 60)
REMINDER_HOURS_BEFORE = env_float("REMINDER_HOURS_BEFORE", 24.0)
# Send booking messages right after the causing request commits (the request waits for the
# provider, bounded by its timeout); off: only `send_pending_notifications` (cron) sends them.
NOTIFICATION_SEND_IMMEDIATELY = env_bool("NOTIFICATION_SEND_IMMEDIATELY", True)
# Consent (apps.accounts.consents): the version of the consent wording the SPA shows, recorded with
# every choice; and the shared secret the SMS provider signs forwarded replies with (HMAC-SHA256 of
# the raw body, hex, in the X-Inbound-Signature header). Empty: the inbound webhook refuses everything.
CONSENT_WORDING_VERSION = env_str("CONSENT_WORDING_VERSION", "2026-12")
INBOUND_SMS_SECRET = env_str("INBOUND_SMS_SECRET", "")

if NOTIFICATION_PROVIDER not in {"console", "authentica"}:
    raise ImproperlyConfigured("NOTIFICATION_PROVIDER must be 'console' or 'authentica'.")
if NOTIFICATION_PROVIDER == "authentica" and not (AUTHENTICA_API_KEY and AUTHENTICA_SENDER_NAME):
    raise ImproperlyConfigured(
        "AUTHENTICA_API_KEY and AUTHENTICA_SENDER_NAME are required with NOTIFICATION_PROVIDER=authentica."
    )

# --- Privacy (PDPL) -----------------------------------------------------------
# Tax records (invoices, credit notes, receipts) are kept unchanged this many years after issue, even
# when their buyer deletes the account (ZATCA / VAT law); see docs/adr/0008-personal-data-rights.md.
PRIVACY_TAX_RECORD_YEARS = env_int("PRIVACY_TAX_RECORD_YEARS", 10)
# --- Retention of personal data (`purge_expired_data`, daily; docs/privacy.md) ---

# Days each kind is kept before `purge_expired_data` deletes or anonymises it (apps/privacy/retention.py).
RETENTION_OTP_DAYS = env_int("RETENTION_OTP_DAYS", 30)  # one-time code rows (never the code itself)
RETENTION_NOTIFICATION_TEXT_DAYS = env_int("RETENTION_NOTIFICATION_TEXT_DAYS", 180)  # texts blanked, rows kept
RETENTION_IDEMPOTENCY_DAYS = env_int("RETENTION_IDEMPOTENCY_DAYS", 1)  # a client repeats a request within a day
RETENTION_AUDIT_DAYS = env_int("RETENTION_AUDIT_DAYS", 3650)  # ten years, like the tax records
RETENTION_ABANDONED_HOLD_DAYS = env_int("RETENTION_ABANDONED_HOLD_DAYS", 90)  # unpaid holds, nothing paid

if min(RETENTION_OTP_DAYS, RETENTION_NOTIFICATION_TEXT_DAYS, RETENTION_AUDIT_DAYS, RETENTION_ABANDONED_HOLD_DAYS) < 1:
    raise ImproperlyConfigured("The RETENTION_*_DAYS settings must be at least 1.")
if RETENTION_IDEMPOTENCY_DAYS < 1:
    raise ImproperlyConfigured("RETENTION_IDEMPOTENCY_DAYS must be at least 1 (keys are kept at least 24 hours).")

# --- Logging ----------------------------------------------------------------

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "apps": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
