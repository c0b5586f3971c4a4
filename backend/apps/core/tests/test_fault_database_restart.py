"""Fault test: the database goes away under a running gunicorn and comes back. Meanwhile every API
answer is 503 with Retry-After and the JSON error body (never an HTML 500); afterwards the same
server answers normally again, without a restart."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from .tcp_proxy import CuttableProxy

REPO_DIR = Path(__file__).resolve().parents[4]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a real database server to take away"),
    pytest.mark.django_db(transaction=True),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy():
    settings = connection.settings_dict
    proxy = CuttableProxy(settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432))
    yield proxy
    proxy.close()


@pytest.fixture
def server(proxy, tmp_path):
    settings = connection.settings_dict
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "fault-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",
        "MOYASAR_SECRET_KEY": "sk_fault_" + "m" * 40,
        "MOYASAR_WEBHOOK_SECRET": "whsec_fault_" + "w" * 40,
        "INBOUND_SMS_SECRET": "inbound_fault_" + "i" * 40,
        "AUTHENTICA_API_KEY": "",
        "DATABASE_URL": f"postgres://{settings['USER']}@127.0.0.1:{proxy.port}/{settings['NAME']}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "LOG_FORMAT": "json",
    }
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", str(REPO_DIR / "gunicorn.conf.py")],
        cwd=REPO_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(f"{base_url}/api/health/", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            if process.poll() is not None:
                pytest.fail((tmp_path / "server.log").read_text())
        time.sleep(0.2)
    yield base_url
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_the_api_answers_503_while_the_database_is_away_and_recovers_without_a_restart(server, proxy):
    assert requests.get(f"{server}/api/salons/", timeout=10).status_code == 200

    proxy.cut()
    during = [requests.get(f"{server}/api/salons/", timeout=15) for _ in range(3)]
    readiness = requests.get(f"{server}/api/health/ready/", timeout=15)

    assert [answer.status_code for answer in during] == [503, 503, 503]
    assert all(answer.headers["Content-Type"] == "application/json" for answer in during)
    assert during[-1].json()["code"] == "service_unavailable"
    assert during[-1].headers["Retry-After"]
    assert readiness.status_code == 503
    assert requests.get(f"{server}/api/health/", timeout=10).status_code == 200  # alive: no restart wanted

    proxy.restore()
    deadline = time.monotonic() + 20
    while True:
        after = requests.get(f"{server}/api/salons/", timeout=10)
        if after.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert after.status_code == 200
    assert requests.get(f"{server}/api/health/ready/", timeout=10).status_code == 200
