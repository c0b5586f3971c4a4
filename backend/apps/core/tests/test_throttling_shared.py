"""Two server processes share one limit: the throttles count in the shared cache (the database cache
without REDIS_URL, Redis with it), never in a process's own memory."""

import os
import socket
import subprocess
import sys
import time
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.db import connection

MANAGE = str(settings.BACKEND_DIR / "manage.py")
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


def _server_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "THROTTLE_"))}
    for name in ("OTP_PROVIDER", "NOTIFICATION_PROVIDER", "PAYMENT_PROVIDER", "REDIS_URL", "DATABASE_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="1",
        DATABASE_URL=_database_url(),
        THROTTLE_SEARCH="3/m",
        CACHE_KEY_PREFIX=f"throttle-test-{os.getpid()}-{time.monotonic_ns()}",
        **extra,
    )
    return env


def _start(port: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_up(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server on {port} exited: {process.stderr.read()}")
        try:
            requests.get(f"http://127.0.0.1:{port}/api/health/", timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.3)
    raise AssertionError(f"server on {port} did not start")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("cache", ["database", "redis"])
def test_two_server_processes_share_one_limit(cache):
    if cache == "redis" and not _redis_answers():
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    env = _server_env(**({"REDIS_URL": REDIS_TEST_URL} if cache == "redis" else {}))
    ports = [_free_port(), _free_port()]
    servers = [_start(port, env) for port in ports]
    try:
        for server, port in zip(servers, ports, strict=True):
            _wait_until_up(server, port)

        answers = [requests.get(f"http://127.0.0.1:{ports[index % 2]}/api/salons/", timeout=30) for index in range(4)]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)

    # Three allowed in all, whichever process answered: the fourth (on the second server) is refused.
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert answers[3].json()["code"] == "throttled"
    assert int(answers[3].headers["Retry-After"]) >= 1
