"""A local stand-in for Moyasar's REST API, for the load benchmark (benchmarks/load.py).

The server under test runs with the production payment provider (`PAYMENT_PROVIDER=moyasar`) and
`MOYASAR_BASE_URL` pointing here, so its real client code (retries, timeouts, the payment object's
parsing) is exercised. It keeps payments in memory: a card token payment starts `initiated` with a
`transaction_url` (3-D Secure); `pay()` plays the customer finishing 3-D Secure. `webhook_body()` is
the `payment_paid` event Moyasar then sends.
"""

import base64
import json
import re
import threading
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_PAYMENT_PATH = re.compile(r"^/v1/payments/([0-9a-fA-F-]{36})$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class FakeMoyasar:
    def __init__(self, secret_key: str):
        self.secret_key = secret_key
        self.payments: dict[str, dict] = {}
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def start(self) -> "FakeMoyasar":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def pay(self, payment_id: str) -> dict:
        """The customer passes 3-D Secure: the payment is paid (and captured)."""
        with self.lock:
            payment = self.payments[payment_id]
            payment.update(status="paid", captured=payment["amount"], updated_at=_now())
            payment["source"]["message"] = "APPROVED"
            payment["source"].pop("transaction_url", None)
            return json.loads(json.dumps(payment))

    def webhook_body(self, payment: dict, secret_token: str) -> dict:
        return {
            "id": str(uuid.uuid4()),
            "type": "payment_paid",
            "created_at": _now(),
            "secret_token": secret_token,
            "account_name": None,
            "live": False,
            "data": payment,
        }

    def _create(self, body: dict) -> tuple[int, dict]:
        payment_id = str(body.get("given_id") or uuid.uuid4())
        with self.lock:
            if payment_id in self.payments:
                return 400, {"type": "invalid_request_error", "message": "Payment already created"}
            payment = {
                "id": payment_id,
                "status": "initiated",
                "amount": body["amount"],
                "fee": 0,
                "currency": body["currency"],
                "refunded": 0,
                "captured": 0,
                "description": body.get("description"),
                "callback_url": body.get("callback_url"),
                "created_at": _now(),
                "updated_at": _now(),
                "metadata": body.get("metadata") or {},
                "source": {
                    "type": "creditcard",
                    "company": "mada",
                    "name": "Load Test",
                    "number": "4201-32XX-XXXX-1010",
                    "message": "",
                    "transaction_url": f"{self.base_url}/3ds/{payment_id}",
                },
            }
            self.payments[payment_id] = payment
            return 201, payment

    def _handler_class(self):
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # noqa: A002 - the base class's signature
                pass

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorized(self) -> bool:
                expected = "Basic " + base64.b64encode(f"{gateway.secret_key}:".encode()).decode()
                if self.headers.get("Authorization") == expected:
                    return True
                self._answer(401, {"type": "authentication_error", "message": "Invalid authorization credentials"})
                return False

            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self._authorized():
                    return
                if self.path == "/v1/payments":
                    self._answer(*gateway._create(body))
                else:
                    self._answer(404, {"type": "api_error", "message": "Object not found"})

            def do_GET(self):  # noqa: N802
                if not self._authorized():
                    return
                match = _PAYMENT_PATH.match(self.path.split("?", 1)[0])
                with gateway.lock:
                    payment = gateway.payments.get(match.group(1)) if match else None
                    body = json.loads(json.dumps(payment)) if payment else None
                if body is None:
                    self._answer(404, {"type": "api_error", "message": "Object not found"})
                else:
                    self._answer(200, body)

        return Handler
