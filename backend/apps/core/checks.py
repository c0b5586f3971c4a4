"""Start-up checks that refuse dangerous production settings (DJANGO_DEBUG off).

Registered as ordinary system checks (not deploy-only), so `runserver` and `migrate` refuse to run;
`config/wsgi.py` and `config/asgi.py` call `refuse_dangerous_settings()` because gunicorn runs no
checks. With DJANGO_DEBUG on (development) nothing is checked.
"""

import logging

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

TAG = "salon_production"

# Secret settings that must never hold a published value.
SECRET_SETTINGS = (
    "SECRET_KEY",
    "MOYASAR_SECRET_KEY",
    "EMAIL_HOST_PASSWORD",
    "MOYASAR_WEBHOOK_SECRET",
    "INBOUND_SMS_SECRET",
    "EMAIL_WEBHOOK_SECRET",
    "AUTHENTICA_API_KEY",
)
# Values published in this repository (.env.example, the development default, the test settings).
PUBLISHED_SECRETS = frozenset(
    {
        "change-me-to-a-long-random-string",
        "dev-only-insecure-secret-key-never-use-in-production",
        "test-secret-key-not-for-production",
        "whsec_test_salon",
        "inbound-test-secret",
        "test-authentica-key",
        "sk_test_salon",
    }
)
PLACEHOLDER_MARKERS = ("change-me", "changeme", "change_me")

# Providers that only log what they would send (codes and messages end up in the logs).
CONSOLE_PROVIDER_SETTINGS = ("OTP_PROVIDER", "NOTIFICATION_PROVIDER")
CONSOLE_EMAIL_BACKENDS = ("django.core.mail.backends.console.EmailBackend",)


def _is_published(value: str) -> bool:
    lowered = value.strip().lower()
    return lowered in PUBLISHED_SECRETS or any(marker in lowered for marker in PLACEHOLDER_MARKERS)


def _console_providers() -> list[str]:
    found = [f"{name}=console" for name in CONSOLE_PROVIDER_SETTINGS if getattr(settings, name, "") == "console"]
    if getattr(settings, "EMAIL_BACKEND", "") in CONSOLE_EMAIL_BACKENDS:
        found.append(f"EMAIL_BACKEND={settings.EMAIL_BACKEND}")
    if getattr(settings, "SOCIAL_SIGNIN_DEVELOPMENT", False):  # the development Google/Apple stand-in
        found.append("SOCIAL_SIGNIN_DEVELOPMENT=on")
    return found


@checks.register(TAG)
def dangerous_production_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    messages: list[checks.CheckMessage] = []
    for name in SECRET_SETTINGS:
        value = getattr(settings, name, "") or ""
        if value and _is_published(value):
            env_name = "DJANGO_SECRET_KEY" if name == "SECRET_KEY" else name
            messages.append(
                checks.Error(
                    f"{env_name} holds a published example value; with DJANGO_DEBUG=0 it must be a long random secret.",
                    hint=f"Generate one (python -c 'import secrets; print(secrets.token_urlsafe(50))') and set {env_name}.",
                    id="salon.E001",
                )
            )
    consoles = _console_providers()
    if consoles and not settings.ALLOW_CONSOLE_PROVIDERS:
        messages.append(
            checks.Error(
                f"{', '.join(consoles)}: console providers write one-time codes and messages to the logs "
                "and are refused with DJANGO_DEBUG=0.",
                hint="Configure the real provider, or set DJANGO_ALLOW_CONSOLE_PROVIDERS=1 on a staging or test server.",
                id="salon.E002",
            )
        )
    elif consoles:
        messages.append(
            checks.Warning(
                f"{', '.join(consoles)} with DJANGO_DEBUG=0: allowed by DJANGO_ALLOW_CONSOLE_PROVIDERS=1; "
                "one-time codes and messages are written to the logs. Never on a production server.",
                id="salon.W001",
            )
        )
    return messages


def refuse_dangerous_settings() -> None:
    """For servers that run no system checks (gunicorn, uvicorn): log the warnings, raise on errors."""
    messages = dangerous_production_settings()
    for message in messages:
        if not message.is_serious():
            logger.warning("%s (%s)", message.msg, message.id)
    errors = [message for message in messages if message.is_serious()]
    if errors:
        raise ImproperlyConfigured(" ".join(f"{e.msg} {e.hint} ({e.id})" for e in errors))
