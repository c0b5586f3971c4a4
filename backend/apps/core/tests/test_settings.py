"""Settings come from the environment; production settings refuse unsafe values."""

import os
import subprocess
import sys

from django.conf import settings

MANAGE = str(settings.BACKEND_DIR / "manage.py")
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-secret-key-for-this-test-only-0123456789abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "salon.example",
    "DJANGO_SECURE": "1",
    "PAYMENT_PROVIDER": "moyasar",
    "MOYASAR_SECRET_KEY": "sk_test_x",
    "MOYASAR_PUBLISHABLE_KEY": "pk_test_x",
    "MOYASAR_WEBHOOK_SECRET": "whsec_x",
    "OTP_PROVIDER": "authentica",
    "NOTIFICATION_PROVIDER": "authentica",
    "AUTHENTICA_API_KEY": "$2y$10$a-real-looking-authentica-key",
    "AUTHENTICA_SENDER_NAME": "SALON",
    "DJANGO_ALLOW_CONSOLE_PROVIDERS": "",
    "INBOUND_SMS_SECRET": "",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run([sys.executable, MANAGE, *args], env=environment, capture_output=True, text=True, timeout=60)


def python(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        cwd=settings.BACKEND_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_secure_deployment_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_debug_the_app_refuses_to_start_without_a_secret_key():
    result = manage("check", **{**PRODUCTION_ENV, "DJANGO_SECRET_KEY": ""})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_without_debug_the_fake_payment_gateway_is_refused():
    result = manage("check", **{**PRODUCTION_ENV, "PAYMENT_PROVIDER": "fake"})

    assert result.returncode != 0
    assert "PAYMENT_PROVIDER=fake is for development only" in result.stderr


def test_without_debug_the_env_example_secret_key_is_refused():
    result = manage("check", **{**PRODUCTION_ENV, "DJANGO_SECRET_KEY": "change-me-to-a-long-random-string"})

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY holds a published example value" in result.stderr


def test_without_debug_any_change_me_secret_is_refused():
    result = manage("check", **{**PRODUCTION_ENV, "MOYASAR_WEBHOOK_SECRET": "please-CHANGE-ME"})

    assert result.returncode != 0
    assert "MOYASAR_WEBHOOK_SECRET holds a published example value" in result.stderr


def test_without_debug_the_example_webhook_secrets_are_refused():
    result = manage("check", **{**PRODUCTION_ENV, "MOYASAR_WEBHOOK_SECRET": "whsec_test_salon"})

    assert result.returncode != 0
    assert "MOYASAR_WEBHOOK_SECRET holds a published example value" in result.stderr


def test_without_debug_the_console_providers_are_refused():
    result = manage("check", **{**PRODUCTION_ENV, "OTP_PROVIDER": "console", "NOTIFICATION_PROVIDER": "console"})

    assert result.returncode != 0
    assert "OTP_PROVIDER=console, NOTIFICATION_PROVIDER=console: console providers write" in result.stderr
    assert "DJANGO_ALLOW_CONSOLE_PROVIDERS=1" in result.stderr


def test_console_providers_run_without_debug_only_when_explicitly_allowed_and_then_warn():
    env = {**PRODUCTION_ENV, "OTP_PROVIDER": "console", "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1"}

    result = manage("check", **env)

    assert result.returncode == 0, result.stderr
    assert "OTP_PROVIDER=console with DJANGO_DEBUG=0: allowed by DJANGO_ALLOW_CONSOLE_PROVIDERS=1" in result.stderr


def test_the_wsgi_application_gunicorn_loads_refuses_dangerous_settings_too():
    refused = python("import config.wsgi", **{**PRODUCTION_ENV, "OTP_PROVIDER": "console"})
    allowed = python(
        "import config.wsgi", **{**PRODUCTION_ENV, "OTP_PROVIDER": "console", "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1"}
    )

    assert refused.returncode != 0
    assert "ImproperlyConfigured: OTP_PROVIDER=console: console providers write" in refused.stderr
    assert allowed.returncode == 0, allowed.stderr
    assert "OTP_PROVIDER=console with DJANGO_DEBUG=0: allowed" in allowed.stderr


def test_development_is_not_checked():
    result = manage("check", DJANGO_DEBUG="1", DJANGO_SECRET_KEY="change-me-to-a-long-random-string")

    assert result.returncode == 0, result.stderr


def test_only_content_hashed_spa_assets_are_cached_forever():
    from config.settings import WHITENOISE_IMMUTABLE_FILE_TEST as is_immutable

    assert is_immutable("", "/assets/index-BaBhsdnQ.js")
    assert is_immutable("", "/assets/salon-Cx1_9aZk.css")
    assert not is_immutable("", "/index.html")
    assert not is_immutable("", "/favicon.svg")
    assert not is_immutable("", "/assets/logo.svg")
