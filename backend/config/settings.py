"""Salon settings, read from the environment (and from `.env` when present).

Every variable is listed with a safe development value and a comment in
`.env.example` at the repository root.
"""

import ipaddress
import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers as cors_default_headers
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
    # The admin's second sign-in step; listed first so that accounts/admin.py can unregister their pages.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    "apps.packages",
    "apps.privacy",
    "apps.calendars",
    "apps.google_calendar",
    "apps.passkeys",
    "apps.social_auth",
    "apps.zatca",
    "apps.waitlist",
    # Development only (`seed_demo`); installed always so that tests and `make run` have it. It imports
    # the apps above and none of them imports it.
    "apps.demo",
    "django.contrib.admin",
    # PostgreSQL's lookups (trigram similarity for the salon search); inert on SQLite.
    "django.contrib.postgres",
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
    "drf_spectacular_sidecar",
    "csp",
]

MIDDLEWARE = [
    "apps.core.observability.middleware.RequestObservabilityMiddleware",
    "apps.core.load_shedding.LoadSheddingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "apps.core.net.ClientIPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "apps.accounts.admin_two_factor.AdminTwoFactorMiddleware",
    "apps.accounts.admin_login.AdminLoginGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# A request that waited longer than this in the load balancer's and gunicorn's queues (its
# X-Request-Start stamp) is answered 503 at once: its client has most likely given up (0: never).
REQUEST_QUEUE_TIMEOUT_SECONDS = env_float("REQUEST_QUEUE_TIMEOUT_SECONDS", 10.0)

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


SEARCH_TYPO_THRESHOLD = 0.4
# How long the words of service names are kept for typo matching (apps/discovery/search.py).
SEARCH_VOCABULARY_SECONDS = env_int("SEARCH_VOCABULARY_SECONDS", 600)


def database_config(url: str) -> dict:
    # Each server thread keeps its connection for a minute (closed at the end of a request once
    # older): opening one costs more than most requests (on SQLite also its PRAGMAs, which contend
    # for the file's lock when many threads open connections at once).
    config = dj_database_url.parse(url, conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Write transactions take the write lock up front, so check-then-insert
        # is serialised; waiting writers queue instead of failing with "locked".
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # The salon search's typo tolerance (`%>` on pg_trgm indexes): a one-letter slip in a word of
        # five or six letters scores about 0.45 (the default, 0.6, misses most typos).
        config["OPTIONS"] = {"options": f"-c pg_trgm.word_similarity_threshold={SEARCH_TYPO_THRESHOLD}"}
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
# Uploaded files served by Django itself (apps/core/media.py): for development and single-host set-ups.
# In production the web server, a CDN or the object storage serves MEDIA_URL (docs/runbooks/deployment.md).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
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
# The SPA's own request headers: idempotent writes and the refresh-token cookie opt-in.
CORS_ALLOW_HEADERS = (*cors_default_headers, "idempotency-key", "x-auth-cookie")

# --- Content-Security-Policy (django-csp; apps/core/csp.py) -------------------
# The SPA, the admin and the API docs load scripts only from this origin (the SPA's two inline scripts
# are allowed by their hashes, per page); the card form talks to Moyasar's API; nothing may frame us.
# Styles may be inline (React and the admin set style attributes). Violations are reported to
# /api/csp-report/, logged and counted. MOYASAR_API_ORIGIN must match the SPA's Moyasar client.
MOYASAR_API_ORIGIN = env_str("MOYASAR_API_ORIGIN", "https://api.moyasar.com")

# --- Maps (the salon list's and salon page's maps; GET /api/map-config/) -------
# An XYZ tile server. OpenStreetMap's own tiles are fine for a modest audience under its usage
# policy; at scale use a commercial or self-hosted tile server. Its origin is allowed as an image source.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
MAP_MAX_ZOOM = env_int("MAP_MAX_ZOOM", 19)
MAP_TILE_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL)) if "://" in MAP_TILE_URL else "'self'"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", MAP_TILE_ORIGIN],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", MOYASAR_API_ORIGIN],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "report-uri": ["/api/csp-report/"],
    },
}

# --- Security (DJANGO_SECURE=on behind TLS) --------------------------------

SECURE = env_bool("DJANGO_SECURE", False)
# The admin's second sign-in step (apps/accounts/admin_two_factor.py): required for every staff user
# when on (the default behind TLS), optional otherwise.
ADMIN_REQUIRE_TWO_FACTOR = env_bool("ADMIN_REQUIRE_TWO_FACTOR", SECURE)
OTP_TOTP_ISSUER = "Salon"
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
    SECURE_REDIRECT_EXEMPT = [r"^api/health/(ready/)?$"]
    if TRUSTED_PROXY_COUNT > 0:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# --- Cache shared by all processes (throttles, lockouts) ---------------------
# Redis when REDIS_URL is set (redis://host:6379/0), else the database cache (its table `core_cache`
# is created by the core app's migration). Never the per-process local-memory cache: limits must hold
# across every gunicorn worker and server.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "salon"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "core_cache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "salon"),
            "TIMEOUT": 300,
        }
    }
# Computed availability answers kept under their ETag (apps/bookings/availability_cache.py): in Redis
# when it is configured; off otherwise (the database cache would cost the query it saves).
AVAILABILITY_CACHE = env_str("AVAILABILITY_CACHE", "default" if REDIS_URL else "")
AVAILABILITY_CACHE_SECONDS = 120

# --- Throttling (apps/core/throttling.py; docs/runbooks/security.md) ----------
# "<count>/<period>" with period s, m, h or d, optionally multiplied ("5/15m"); empty switches a scope
# off. Per signed-in user, or per client address when anonymous (see TRUSTED_PROXY_COUNT).
THROTTLE_RATES = {
    # Any anonymous request to an API view without a scope of its own.
    "anon": env_str("THROTTLE_ANON", "600/m"),
    # The salon list and search.
    "search": env_str("THROTTLE_SEARCH", "120/m"),
    # Free start times (the availability engine).
    "availability": env_str("THROTTLE_AVAILABILITY", "120/m"),
    # Sign-in: code requests and checks, token refresh, sign-out (per address; codes have their own limits).
    "auth": env_str("THROTTLE_AUTH", "30/m"),
    # Provider webhooks (Moyasar, inbound SMS), per sending address: generous.
    "webhooks": env_str("THROTTLE_WEBHOOKS", "600/m"),
    # File exports (reports, personal data), per user.
    "exports": env_str("THROTTLE_EXPORTS", "30/h"),
    # Back-office reports, per user.
    "reports": env_str("THROTTLE_REPORTS", "120/m"),
    # Private calendar feeds (no sign-in), per client address: calendar apps poll every hour or so.
    "calendar_feeds": env_str("THROTTLE_CALENDAR_FEEDS", "60/m"),
    # Gift card balance checks by code, per user: codes must not be guessable by trying.
    "gift_card_check": env_str("THROTTLE_GIFT_CARD_CHECK", "10/m"),
}

# --- Admin sign-in lock-out (apps/accounts/admin_login.py) -----------------------
# Failures counted in the shared cache within the window; reaching a limit locks the account (or the
# client address) out for the lock-out time, even with the right password.
ADMIN_LOGIN_WINDOW_MINUTES = env_int("ADMIN_LOGIN_WINDOW_MINUTES", 15)
ADMIN_LOGIN_LOCKOUT_MINUTES = env_int("ADMIN_LOGIN_LOCKOUT_MINUTES", 15)
ADMIN_LOGIN_ACCOUNT_MAX_FAILURES = env_int("ADMIN_LOGIN_ACCOUNT_MAX_FAILURES", 5)
ADMIN_LOGIN_IP_MAX_FAILURES = env_int("ADMIN_LOGIN_IP_MAX_FAILURES", 20)

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
    "DEFAULT_THROTTLE_CLASSES": ["apps.core.throttling.ScopedRateThrottle"],
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
# A session (one sign-in on one device) ends this long after the sign-in however often it is
# refreshed (apps/accounts/sessions.py; ADR 0004).
SESSION_ABSOLUTE_LIFETIME_DAYS = env_int("SESSION_ABSOLUTE_LIFETIME_DAYS", 30)
if SESSION_ABSOLUTE_LIFETIME_DAYS < 1:
    raise ImproperlyConfigured("SESSION_ABSOLUTE_LIFETIME_DAYS must be at least 1.")
if SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"] > timedelta(minutes=10):
    raise ImproperlyConfigured("JWT_ACCESS_MINUTES must be at most 10.")

SPECTACULAR_SETTINGS = {
    "TITLE": "Salon API",
    "DESCRIPTION": "Booking platform for beauty salons in Saudi Arabia.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # Swagger UI's files served from here (drf-spectacular-sidecar), not a CDN: the CSP allows only self.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.core.openapi_hooks.add_common_responses",
    ],
    # A choice set used by several components keeps one name.
    "ENUM_NAME_OVERRIDES": {
        "BookingStatusEnum": "apps.bookings.models.BookingStatus",
        "StatementEntryKindEnum": "apps.ledger.api.serializers.STATEMENT_KINDS",
        "ChannelEnum": "apps.accounts.models.OTPChannel",
        "ConsentChannelEnum": "apps.accounts.models.ConsentChannel",
        "ConsentPurposeEnum": "apps.accounts.models.ConsentPurpose",
        "ConsentSourceEnum": "apps.accounts.models.ConsentSource",
        "CityEnum": "apps.salons.models.City",
        "SocialProviderEnum": "apps.social_auth.models.SocialProvider",
        "PurchaseStatusEnum": "apps.packages.models.PurchaseStatus",
        "PurchaseKindEnum": "apps.packages.models.PurchaseKind",
        "InstrumentStatusEnum": "apps.packages.models.InstrumentStatus",
        "NoShowPolicyEnum": "apps.salons.models.salon.NoShowPolicy",
        "BookingPaymentPolicyEnum": "apps.bookings.api.serializers.BOOKING_PAYMENT_POLICIES",
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

# --- Start-up refusals (apps/core/checks.py) --------------------------------
# With DJANGO_DEBUG=0 the app refuses to start with a published secret (.env.example's, any value
# containing "change-me") and with console providers, unless this is set explicitly (staging and
# black-box test servers; the start-up log then warns).
ALLOW_CONSOLE_PROVIDERS = env_bool("DJANGO_ALLOW_CONSOLE_PROVIDERS", False)

# --- Google and Apple sign-in (apps/social_auth; docs/integrations/social-sign-in.md) ---
# Our OAuth client ids (comma-separated): the `aud` an ID token must carry. A provider without one is
# off (404 `provider_not_configured`), except that with SOCIAL_SIGNIN_DEVELOPMENT (default: DEBUG) a
# local development stand-in takes its place; that stand-in is refused with DJANGO_DEBUG=0 unless
# DJANGO_ALLOW_CONSOLE_PROVIDERS=1 (apps/core/checks.py).
GOOGLE_SIGNIN_CLIENT_IDS = env_list("GOOGLE_SIGNIN_CLIENT_IDS", "")
APPLE_SIGNIN_CLIENT_IDS = env_list("APPLE_SIGNIN_CLIENT_IDS", "")
SOCIAL_SIGNIN_DEVELOPMENT = env_bool("SOCIAL_SIGNIN_DEVELOPMENT", DEBUG)
SOCIAL_SIGNIN_JWKS_TIMEOUT_SECONDS = env_float("SOCIAL_SIGNIN_JWKS_TIMEOUT_SECONDS", 5.0)
SOCIAL_SIGNIN_LEEWAY_SECONDS = env_int("SOCIAL_SIGNIN_LEEWAY_SECONDS", 60)
SOCIAL_NONCE_MINUTES = env_int("SOCIAL_NONCE_MINUTES", 10)
SOCIAL_LINK_TOKEN_MINUTES = env_int("SOCIAL_LINK_TOKEN_MINUTES", 10)
# The providers' own sign-in scripts (loaded by the SPA on a click), only for a configured provider:
# Google Identity Services (script, its styles, its iframe and calls under /gsi/); Sign in with Apple JS
# (script; its popup window needs no directive).
_CSP = CONTENT_SECURITY_POLICY["DIRECTIVES"]
if GOOGLE_SIGNIN_CLIENT_IDS:
    _CSP["script-src"].append("https://accounts.google.com/gsi/client")
    _CSP["style-src"].append("https://accounts.google.com/gsi/style")
    _CSP["connect-src"].append("https://accounts.google.com/gsi/")
    _CSP["frame-src"] = ["https://accounts.google.com/gsi/"]
if APPLE_SIGNIN_CLIENT_IDS:
    _CSP["script-src"].append("https://appleid.cdn-apple.com")

# --- Email (profile email verification codes; apps/accounts/email_change.py) ------
# console in development; SMTP otherwise (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
# EMAIL_USE_TLS). The console backend is refused with DJANGO_DEBUG=0 like the other console providers.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Salon <no-reply@localhost>")
EMAIL_CODE_EXPIRY_MINUTES = env_int("EMAIL_CODE_EXPIRY_MINUTES", 30)
EMAIL_CODE_MAX_ATTEMPTS = env_int("EMAIL_CODE_MAX_ATTEMPTS", 5)
# The signed verification link mailed with the code (`accounts.email_change`) works this long.
EMAIL_LINK_MAX_AGE_HOURS = env_int("EMAIL_LINK_MAX_AGE_HOURS", 48)
# Bounces and complaints (`POST /api/notifications/email-events/`) must carry this secret in the
# `X-Email-Webhook-Secret` header; without it every call is refused (403).
EMAIL_WEBHOOK_SECRET = env_str("EMAIL_WEBHOOK_SECRET")

# --- Payments (Moyasar) ------------------------------------------------------
# `fake` is an offline stand-in for development and tests; it is refused when DJANGO_DEBUG is off.

PAYMENT_PROVIDER = env_str("PAYMENT_PROVIDER", "fake" if DEBUG else "moyasar")
MOYASAR_BASE_URL = env_str("MOYASAR_BASE_URL", "https://api.moyasar.com/v1").rstrip("/")
MOYASAR_SECRET_KEY = env_str("MOYASAR_SECRET_KEY")
MOYASAR_PUBLISHABLE_KEY = env_str("MOYASAR_PUBLISHABLE_KEY")
MOYASAR_WEBHOOK_SECRET = env_str("MOYASAR_WEBHOOK_SECRET")
MOYASAR_TIMEOUT_SECONDS = env_float("MOYASAR_TIMEOUT_SECONDS", 15.0)
PAYMENT_METHODS = env_list("PAYMENT_METHODS", "creditcard,applepay,stcpay")
# No-show protection (ADR 0016): a card hold (Moyasar authorize-only) must be captured within 14 days on
# mada, so a card-hold salon takes bookings at most this many days ahead, leaving the rest of those 14
# days to mark a no-show and capture the fee.
NO_SHOW_HOLD_MAX_DAYS = env_int("NO_SHOW_HOLD_MAX_DAYS", 7)
# Public address of the web app: payment callbacks return the browser there.
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")
# Gift cards (ADR 0018): the amounts a customer may buy, in halalas, and how long a card stays valid.
GIFT_CARD_MIN_AMOUNT = env_int("GIFT_CARD_MIN_AMOUNT", 5_000)
GIFT_CARD_MAX_AMOUNT = env_int("GIFT_CARD_MAX_AMOUNT", 200_000)
GIFT_CARD_VALIDITY_DAYS = env_int("GIFT_CARD_VALIDITY_DAYS", 365)
# Passkeys (WebAuthn, ADR 0013): the relying party is the web app's host; answers are accepted from these
# origins only. Browsers refuse an IP address as rp id: use a host name (`localhost` in development).
_FRONTEND = urlsplit(FRONTEND_URL)
WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID", _FRONTEND.hostname or "localhost")
WEBAUTHN_RP_NAME = env_str("WEBAUTHN_RP_NAME", "Salon")
WEBAUTHN_ORIGINS = env_list("WEBAUTHN_ORIGINS", f"{_FRONTEND.scheme}://{_FRONTEND.netloc}")
# The key private calendar feeds' links are derived from (apps/calendars/tokens.py, ADR 0010); the
# SECRET_KEY when empty. Changing it changes every feed's link (the old ones stop at once).
CALENDAR_FEED_KEY = env_str("CALENDAR_FEED_KEY", "")

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

# --- Google Calendar (apps.google_calendar; docs/integrations/google-calendar.md) -------------------
# Without GOOGLE_CLIENT_ID the fake provider is used (development): its consent page is local and its
# calendars live in the database.
GOOGLE_CLIENT_ID = env_str("GOOGLE_CLIENT_ID", "")
GOOGLE_CLIENT_SECRET = env_str("GOOGLE_CLIENT_SECRET", "")
GOOGLE_CALENDAR_PROVIDER = env_str("GOOGLE_CALENDAR_PROVIDER", "google" if GOOGLE_CLIENT_ID else "fake")
GOOGLE_TIMEOUT_SECONDS = env_float("GOOGLE_TIMEOUT_SECONDS", 10.0)
# Fernet keys (comma-separated, the first encrypts; see apps/google_calendar/crypto.py). Empty: one key
# derived from SECRET_KEY (development only).
GOOGLE_TOKEN_KEYS = env_list("GOOGLE_TOKEN_KEYS", "")
# The OAuth redirect URI registered with Google; empty: built from the request's host.
GOOGLE_REDIRECT_URI = env_str("GOOGLE_REDIRECT_URI", "")
# Where Google sends push notifications (must be https in production); empty: no watch channels.
GOOGLE_WEBHOOK_URL = env_str("GOOGLE_WEBHOOK_URL", "")
GOOGLE_SYNC_MAX_ATTEMPTS = env_int("GOOGLE_SYNC_MAX_ATTEMPTS", 8)
GOOGLE_SYNC_RETRY_BASE_SECONDS = env_int("GOOGLE_SYNC_RETRY_BASE_SECONDS", 30)
# Write booking changes to the calendar right after the change commits; off: only the
# `send_calendar_changes` command writes them.
GOOGLE_SEND_IMMEDIATELY = env_bool("GOOGLE_SEND_IMMEDIATELY", True)
# Fake provider only: seconds each call sleeps (benchmarks).
GOOGLE_FAKE_LATENCY_SECONDS = env_float("GOOGLE_FAKE_LATENCY_SECONDS", 0.0)

if GOOGLE_CALENDAR_PROVIDER not in {"google", "fake"}:
    raise ImproperlyConfigured("GOOGLE_CALENDAR_PROVIDER must be 'google' or 'fake'.")
if GOOGLE_CALENDAR_PROVIDER == "google" and not (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET):
    raise ImproperlyConfigured("GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are required with the google provider.")
if not DEBUG and GOOGLE_CALENDAR_PROVIDER == "google" and not GOOGLE_TOKEN_KEYS:
    raise ImproperlyConfigured("GOOGLE_TOKEN_KEYS is required in production with the google provider.")

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

# --- Abuse limits (issue 16: reviews, booking caps, on-behalf bookings, one-time codes, client IP) ---
# Kept together on purpose. Each is documented in docs/architecture.md or docs/runbooks/.

# The networks the proxies counted by TRUSTED_PROXY_COUNT connect from (comma-separated CIDRs): a hop
# outside them is a client, so its X-Forwarded-For is ignored (apps.core.net.client_ip). Default:
# loopback and private ranges, where load balancers usually sit; list a CDN's ranges if it fronts the app.
TRUSTED_PROXY_NETWORKS = env_list(
    "TRUSTED_PROXY_NETWORKS", "127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10,::1/128,fc00::/7"
)
for _network in TRUSTED_PROXY_NETWORKS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXY_NETWORKS: {_network!r} is not a network.") from _exc

# One-time codes per number over a day, whatever their purpose (on top of OTP_MAX_PER_WINDOW).
OTP_MAX_SENDS_PER_DAY = env_int("OTP_MAX_SENDS_PER_DAY", 10)
# Wrong codes per number over 24 hours, across all its codes (NIST SP 800-63B throttling): from the
# OTP_FAILURES_BEFORE_DELAY-th on, the next check waits OTP_FAILURE_DELAY_SECONDS doubled per further
# wrong code; after OTP_MAX_FAILURES_PER_DAY, no code of the number is accepted until they age out.
OTP_MAX_FAILURES_PER_DAY = env_int("OTP_MAX_FAILURES_PER_DAY", 10)
OTP_FAILURES_BEFORE_DELAY = env_int("OTP_FAILURES_BEFORE_DELAY", 3)
OTP_FAILURE_DELAY_SECONDS = env_int("OTP_FAILURE_DELAY_SECONDS", 10)

# A customer booking online holds at most this many upcoming bookings (awaiting confirmation, an unpaid
# hold still live, or confirmed) at one salon, and in all; the salon's desk may book past them.
BOOKING_MAX_UPCOMING_PER_SALON = env_int("BOOKING_MAX_UPCOMING_PER_SALON", 3)
BOOKING_MAX_UPCOMING_TOTAL = env_int("BOOKING_MAX_UPCOMING_TOTAL", 6)
# Creating bookings (POST /api/bookings/), per signed-in user: a DRF rate ("<n>/<second|minute|hour|day>")
# counted in the default cache (scope `bookings_create`).
BOOKINGS_CREATE_THROTTLE_RATE = env_str("BOOKINGS_CREATE_THROTTLE_RATE", "30/hour")
# Bookings a stylist or manager makes for a customer by phone (each may create an account and sends a
# message): per salon member an hour, and per phone number a day from any salon. Counted in the database.
BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR = env_int("BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR", 30)
BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY = env_int("BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY", 5)
if min(BOOKING_MAX_UPCOMING_PER_SALON, BOOKING_MAX_UPCOMING_TOTAL) < 1:
    raise ImproperlyConfigured("BOOKING_MAX_UPCOMING_PER_SALON and BOOKING_MAX_UPCOMING_TOTAL must be at least 1.")

# --- Waitlist (ADR 0015) ----------------------------------------------------

# A freed time offered to the first in line is held for them this many minutes, then goes to the next.
WAITLIST_OFFER_MINUTES = env_int("WAITLIST_OFFER_MINUTES", 15)
# The longest window of dates a customer may wait for (days, the first and last included).
WAITLIST_MAX_DAYS = env_int("WAITLIST_MAX_DAYS", 60)
# Active entries (waiting or offered) a customer may have at once.
WAITLIST_MAX_ACTIVE_PER_CUSTOMER = env_int("WAITLIST_MAX_ACTIVE_PER_CUSTOMER", 10)
if min(WAITLIST_OFFER_MINUTES, WAITLIST_MAX_DAYS, WAITLIST_MAX_ACTIVE_PER_CUSTOMER) < 1:
    raise ImproperlyConfigured("The WAITLIST_* settings must be at least 1.")

# --- Logging ----------------------------------------------------------------

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# `json`: one JSON object per line (request id, extra fields), for log shippers; `plain` for a terminal.
LOG_FORMAT = env_str("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "apps.core.observability.logging.MaskingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {"()": "apps.core.observability.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "plain"}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # The request lines duplicate django.server's (runserver) and gunicorn's access log; warnings and
        # errors of django.request (4xx/5xx) still come through the "django" logger.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "apps": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

# --- ZATCA phase 2 e-invoicing (apps.zatca; ADR 0019, docs/runbooks/zatca.md) ---------------------
ZATCA_SANDBOX_URL = "https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal"
ZATCA_PRODUCTION_URL = "https://gw-fatoora.zatca.gov.sa/e-invoicing/core"
# `fake`: an offline stand-in (certificates from a local test CA); `fatoora`: ZATCA's API.
ZATCA_PROVIDER = env_str("ZATCA_PROVIDER", "fake" if DEBUG else "fatoora")
# The sandbox with DJANGO_DEBUG, production without; the simulation is …/e-invoicing/simulation.
ZATCA_BASE_URL = env_str("ZATCA_BASE_URL", ZATCA_SANDBOX_URL if DEBUG else ZATCA_PRODUCTION_URL).rstrip("/")
ZATCA_TIMEOUT_SECONDS = env_float("ZATCA_TIMEOUT_SECONDS", 15.0)
# A Fernet key that encrypts units' private keys and certificate secrets at rest. Required to onboard
# when DJANGO_DEBUG is off; with DJANGO_DEBUG and none, a development key derived from SECRET_KEY.
ZATCA_KEY_ENCRYPTION_KEY = env_str("ZATCA_KEY_ENCRYPTION_KEY", "")
# Tell the unit's managers this many days before its certificate expires.
ZATCA_EXPIRY_NOTICE_DAYS = env_int("ZATCA_EXPIRY_NOTICE_DAYS", 30)
# The platform's own unit (deemed supplier): its seller details on the invoices it issues.
PLATFORM_LEGAL_NAME = env_str("PLATFORM_LEGAL_NAME", "")
PLATFORM_VAT_NUMBER = env_str("PLATFORM_VAT_NUMBER", "")
PLATFORM_CR_NUMBER = env_str("PLATFORM_CR_NUMBER", "")
PLATFORM_BUILDING_NUMBER = env_str("PLATFORM_BUILDING_NUMBER", "")
PLATFORM_STREET = env_str("PLATFORM_STREET", "")
PLATFORM_DISTRICT = env_str("PLATFORM_DISTRICT", "")
PLATFORM_CITY = env_str("PLATFORM_CITY", "")
PLATFORM_POSTAL_CODE = env_str("PLATFORM_POSTAL_CODE", "")
if ZATCA_PROVIDER not in {"fake", "fatoora"}:
    raise ImproperlyConfigured("ZATCA_PROVIDER must be 'fake' or 'fatoora'.")

# /metrics (Prometheus): readable with `Authorization: Bearer <METRICS_TOKEN>`, or from the host itself
# when no token is set. PROMETHEUS_MULTIPROC_DIR (an empty directory) is needed with several workers.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")

# Error tracking (off unless SENTRY_DSN is set); personal data is scrubbed (apps/core/observability/sentry.py).
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from apps.core.observability.sentry import init_sentry

    init_sentry(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        release=env_str("SENTRY_RELEASE", ""),
        traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
