"""Production gunicorn settings: `gunicorn` from the repository root (or `-c gunicorn.conf.py`).

Every figure can be overridden by the environment (GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_TIMEOUT, HOST, PORT); docs/runbooks/deployment.md explains how to size them.
"""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from gunicorn import util as gunicorn_util
from gunicorn.glogging import Logger

_cpus = os.cpu_count() or 1


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


chdir = str(Path(__file__).resolve().parent / "backend")
wsgi_app = "config.wsgi:application"
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104 - a server binds all interfaces

# Threads overlap the waits on PostgreSQL and the providers (all I/O-bound); processes use the cores.
# Each thread holds at most one database connection: workers x threads x servers must stay below
# PostgreSQL's max_connections (100 by default).
worker_class = "gthread"
workers = _env_int("GUNICORN_WORKERS", min(2 * _cpus + 1, 9))
threads = _env_int("GUNICORN_THREADS", 4)

# A request that takes longer than this is killed (the providers' own timeouts are far shorter);
# on SIGTERM a worker finishes its requests for up to graceful_timeout before it is stopped.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5  # seconds; below the load balancer's idle timeout (60 s on most)

# Recycling workers now and then bounds the damage of any slow memory growth.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10

# Refuse absurd request lines and headers early (answered 400 by gunicorn).
limit_request_line = 8190
limit_request_fields = 100

# The control socket (gunicornc) is one fixed path per user: two servers on one host would fight over it.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class JsonAccessLogger(Logger):
    """One JSON object per request on the access log. The query string is left out: it can carry
    search words or a phone number; the route and the status are what an operator needs."""

    def access(self, resp, req, environ, request_time):
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.logconfig_dict or self.cfg.syslog):
            return
        duration_ms = request_time.seconds * 1000 + request_time.microseconds / 1000
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "kind": "access",
            "method": req.method,
            "path": req.path,
            "status": int(str(resp.status).split(" ", 1)[0]),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(duration_ms, 1),
            "request_id": environ.get("HTTP_X_REQUEST_ID") or _response_header(resp, "x-request-id"),
            "remote_addr": environ.get("REMOTE_ADDR"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
        }
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:  # a log line must never break a request
            self.exception("Failed to write the access log line")


def _response_header(resp, name: str) -> str | None:
    for key, value in getattr(resp, "headers", None) or []:
        if key.lower() == name:
            return value
    return None


logger_class = JsonAccessLogger

# gunicorn answers a request it cannot parse (a request line or headers over the limits above, a
# malformed request) itself, with an HTML page; our clients read JSON errors: `{"detail", "code"}`.
# The request line is left out of the body: it may carry personal data.
_SERVER_ERROR_CODES = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "request_header_fields_too_large",
    500: "server_error",
    501: "not_implemented",
}


def _write_json_error(sock, status_int, reason, mesg):
    body = json.dumps({"detail": f"{reason}.", "code": _SERVER_ERROR_CODES.get(status_int, "bad_request")}).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + body)


gunicorn_util.write_error = _write_json_error


# Prometheus with several workers (apps/core/observability/metrics.py): each worker writes its samples
# to PROMETHEUS_MULTIPROC_DIR; it starts empty, and a dead worker's live gauges are dropped.
def on_starting(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        for stale in Path(directory).glob("*.db"):
            stale.unlink()


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
