"""Tokens at rest: encrypted with the first key, readable with any, re-encrypted by --rotate-keys."""

import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from apps.google_calendar.crypto import InvalidToken, token_decrypt, token_encrypt
from apps.google_calendar.models import GoogleConnection

from .conftest import make_connection


def test_a_token_is_not_stored_in_clear_and_reads_back():
    stored = token_encrypt("ya29.secret-access")

    assert "secret" not in stored
    assert token_decrypt(stored) == "ya29.secret-access"


def test_keys_rotate_without_losing_a_token(settings, clock, stylist):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.GOOGLE_TOKEN_KEYS = [old]
    connection = make_connection(stylist, refresh_token="1//refresh")

    settings.GOOGLE_TOKEN_KEYS = [new, old]
    call_command("sync_calendars", "--rotate-keys", stdout=io.StringIO())

    settings.GOOGLE_TOKEN_KEYS = [new]
    connection = GoogleConnection.objects.get(pk=connection.pk)
    assert token_decrypt(connection.refresh_token) == "1//refresh"


def test_a_token_under_an_unknown_key_is_refused(settings):
    settings.GOOGLE_TOKEN_KEYS = [Fernet.generate_key().decode()]
    stored = token_encrypt("x")
    settings.GOOGLE_TOKEN_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(InvalidToken):
        token_decrypt(stored)
