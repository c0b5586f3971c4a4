import pytest
from django.test import RequestFactory

from apps.core.net import client_ip, ip_limit_key


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
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.44", "203.0.113.7"),  # the inner proxy is a private address
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


def test_a_direct_client_cannot_spoof_its_address_when_a_proxy_is_configured_but_absent(settings):
    # TRUSTED_PROXY_COUNT=1 but the client reaches the app directly from a public address: its own
    # X-Forwarded-For is not a proxy's, so the peer address counts.
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(_request(remote_addr="203.0.113.50", forwarded="198.51.100.1")) == "203.0.113.50"
    assert client_ip(_request(remote_addr="203.0.113.50", forwarded="1.1.1.1, 198.51.100.1")) == "203.0.113.50"


def test_a_proxy_outside_the_trusted_networks_is_not_trusted_but_a_listed_one_is(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_NETWORKS = ["192.0.2.0/24"]

    assert client_ip(_request(remote_addr="10.0.0.9", forwarded="198.51.100.1")) == "10.0.0.9"
    assert client_ip(_request(remote_addr="192.0.2.10", forwarded="9.9.9.9, 198.51.100.1")) == "198.51.100.1"


def test_with_two_proxies_the_inner_hop_must_be_trusted_too(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    # [client-written, client, hop1 (public: the client wrote it), REMOTE_ADDR]
    assert client_ip(_request(forwarded="198.51.100.1, 203.0.113.7, 8.8.8.8")) == "10.0.0.9"
    assert client_ip(_request(forwarded="198.51.100.1, 203.0.113.7, 10.0.0.5")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("unknown", "unknown"),
    ],
)
def test_rate_limits_count_ipv6_by_its_64_network_and_ipv4_by_address(address, key):
    assert ip_limit_key(address) == key
