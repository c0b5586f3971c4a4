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
    "OTP_PROVIDER": "console",
    "NOTIFICATION_PROVIDER": "console",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run([sys.executable, MANAGE, *args], env=environment, capture_output=True, text=True, timeout=60)


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


def test_only_content_hashed_spa_assets_are_cached_forever():
    from config.settings import WHITENOISE_IMMUTABLE_FILE_TEST as is_immutable

    assert is_immutable("", "/assets/index-BaBhsdnQ.js")
    assert is_immutable("", "/assets/salon-Cx1_9aZk.css")
    assert not is_immutable("", "/index.html")
    assert not is_immutable("", "/favicon.svg")
    assert not is_immutable("", "/assets/logo.svg")
