import pytest
from django.test import RequestFactory

from apps.core.net import client_ip


def _request(remote_addr="10.0.0.9", forwarded=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(_request(forwarded="203.0.113.7")) == "10.0.0.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the left entry was written by the client
        (2, "198.51.100.1, 203.0.113.7, 192.0.2.44", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.9"),  # fewer entries than proxies: not trusted
        (1, "not-an-address", "10.0.0.9"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies_the_client_is_the_nth_entry_from_the_right(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies

    assert client_ip(_request(forwarded=forwarded)) == expected


def test_behind_a_proxy_without_the_header_the_peer_address_is_used(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(_request()) == "10.0.0.9"
