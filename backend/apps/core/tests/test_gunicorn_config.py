"""The production gunicorn configuration (gunicorn.conf.py at the repository root) starts the app
and writes one JSON access-log line per request without the query string."""

import json
import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[4]
CONFIG = REPO_DIR / "gunicorn.conf.py"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _raw_status_and_body(port: int, request: str) -> tuple[int, dict]:
    """Send a raw request (what urllib refuses to build) and read gunicorn's own answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request.encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert b"Content-Type: application/json" in head
    return int(head.split(b" ", 2)[1]), json.loads(body)


def test_workers_and_threads_follow_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "2")
    monkeypatch.setenv("PORT", "9123")
    config = runpy.run_path(str(CONFIG))
    assert (config["workers"], config["threads"], config["bind"]) == (3, 2, "0.0.0.0:9123")


def test_workers_default_to_the_cpu_count(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    config = runpy.run_path(str(CONFIG))
    assert config["workers"] == 5
    assert config["worker_class"] == "gthread"
    assert config["graceful_timeout"] > 0


def test_gunicorn_serves_and_logs_json_lines(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [str(gunicorn), "-c", str(CONFIG)], cwd=REPO_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        body = None
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/health/?phone=0500000001", headers={"X-Request-ID": "probe-1"}
                )
                with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 - a local test server
                    body = json.loads(response.read())
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"gunicorn exited: {log_path.read_text()}")
                time.sleep(0.2)
        assert body == {"status": "ok"}
        for _ in range(50):
            access_lines = [line for line in log_path.read_text().splitlines() if '"kind": "access"' in line]
            if access_lines:
                break
            time.sleep(0.1)
        too_long = _raw_status_and_body(port, f"GET /api/health/?q={'x' * 9000} HTTP/1.1\r\nHost: x\r\n\r\n")
        too_large = _raw_status_and_body(port, f"GET /api/health/ HTTP/1.1\r\nHost: x\r\nX-Big: {'y' * 9000}\r\n\r\n")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert too_long == (414, {"detail": "URI Too Long.", "code": "uri_too_long"})
    assert too_large[0] == 431
    assert too_large[1]["code"] == "request_header_fields_too_large"
    entry = json.loads(access_lines[0])
    assert entry["method"] == "GET"
    assert entry["path"] == "/api/health/"
    assert entry["status"] == 200
    assert entry["request_id"] == "probe-1"
    assert entry["duration_ms"] >= 0
    assert "0500000001" not in log_path.read_text()
