"""Settings for the test suite: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set."""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
# Production-shaped settings load first (they refuse the fake gateway without DEBUG); the test
# overrides below then pick the offline providers.
for _name, _value in {
    "OTP_PROVIDER": "console",
    "NOTIFICATION_PROVIDER": "console",
    "PAYMENT_PROVIDER": "moyasar",
    "MOYASAR_SECRET_KEY": "sk_test_salon",
    "MOYASAR_PUBLISHABLE_KEY": "pk_test_salon",
    "MOYASAR_WEBHOOK_SECRET": "whsec_test_salon",
}.items():
    os.environ[_name] = _value

from .settings import *  # noqa: E402,F403
from .settings import BACKEND_DIR, database_config  # noqa: E402

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
# The SQLite test database is a file (not :memory:) so threads in the concurrency tests share
# it; one per test process, created and removed by pytest-django.
DATABASES = {"default": database_config(TEST_DATABASE_URL or f"sqlite:///{BACKEND_DIR / 'test-db.sqlite3'}")}
if not TEST_DATABASE_URL:
    DATABASES["default"]["TEST"] = {"NAME": str(BACKEND_DIR / f"test-db-{os.getpid()}.sqlite3")}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
OTP_PROVIDER = "console"
ALLOW_CONSOLE_PROVIDERS = True
AUTHENTICA_API_KEY = "test-authentica-key"
PAYMENT_PROVIDER = "fake"
NOTIFICATION_PROVIDER = "console"
AUTHENTICA_SENDER_NAME = "SALON"
INBOUND_SMS_SECRET = "inbound-test-secret"  # noqa: S105
# Tests never depend on (or race with a rebuild of) the built SPA in frontend/dist.
WHITENOISE_ROOT = None
SPA_DIST_DIR = BACKEND_DIR / "no-spa-in-tests"

# The media route exists in tests (its headers are tested); production leaves it to the web server.
SERVE_MEDIA = True
# Each test process has its own cache, emptied before every test (conftest.py); throttles are off
# unless a test sets a rate (`settings.THROTTLE_RATES = {...}`).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "salon-tests"}}
THROTTLE_RATES = {scope: "" for scope in THROTTLE_RATES}  # noqa: F405
# ZATCA: the offline fake and a fixed test key (never a production key).
ZATCA_PROVIDER = "fake"
ZATCA_BASE_URL = ZATCA_SANDBOX_URL  # noqa: F405
ZATCA_KEY_ENCRYPTION_KEY = "dGVzdC16YXRjYS1rZXktZW5jcnlwdGlvbi1rZXktMzI="  # noqa: S105
