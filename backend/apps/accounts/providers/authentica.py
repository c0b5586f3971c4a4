"""Authentica (authentica.sa): the provider generates, sends and checks the code.

Send reports `success`, verify reports `status`; any 3xx (Authentica's answer to bad input) is a
failure. The HTTP call itself, and keeping the key out of logs, is `apps.core.authentica`'s.
"""

import uuid

from apps.core.authentica import AuthenticaAnswer, AuthenticaUnreachable, authentica_post

from .base import OTPProvider, OTPProviderError

SEND_PATH = "/api/v2/send-otp"
VERIFY_PATH = "/api/v2/verify-otp"
# Answers to a verify call that mean "we could not ask", not "the code is wrong".
_VERIFY_PROVIDER_FAILURES = {401, 403, 429}


class AuthenticaProvider(OTPProvider):
    name = "authentica"
    manages_codes = True

    def send(self, *, phone_number: str, channel: str, code: str | None, request_id: uuid.UUID) -> None:
        answer = _post(SEND_PATH, {"method": channel, "phone": phone_number})
        if answer.status_code != 200 or answer.body.get("success") is not True:
            raise OTPProviderError(answer.failure(SEND_PATH))

    def verify(self, *, phone_number: str, code: str) -> bool:
        answer = _post(VERIFY_PATH, {"phone": phone_number, "otp": code})
        if answer.status_code == 200 and answer.body:
            return answer.body.get("status") is True
        if 400 <= answer.status_code < 500 and answer.status_code not in _VERIFY_PROVIDER_FAILURES:
            return False  # a wrong or expired code (Authentica answers 422)
        raise OTPProviderError(answer.failure(VERIFY_PATH))


def _post(path: str, payload: dict) -> AuthenticaAnswer:
    try:
        return authentica_post(path, payload)
    except AuthenticaUnreachable as exc:
        raise OTPProviderError(str(exc)) from None
