"""The WebAuthn ceremonies through py_webauthn, with each way an answer can be wrong told apart.

py_webauthn checks everything but says what failed only in its message; so before handing an answer to it
we read the client data and the authenticator data ourselves and refuse, with their own codes, a wrong
origin, a wrong relying-party id and a missing user-verification flag. The sign counter is compared by the
caller (`services`), after the signature is known to be good, so that a cloned authenticator is told apart
from a forged answer.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    base64url_to_bytes,
    bytes_to_base64url,
    parse_attestation_object,
    parse_authenticator_data,
    parse_client_data_json,
)
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AttestationConveyancePreference,
    AuthenticatorData,
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    ClientDataType,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .errors import (
    PasskeyOriginMismatch,
    PasskeyResponseInvalid,
    PasskeyRpIdMismatch,
    PasskeyUserNotVerified,
)

TIMEOUT_MS = 5 * 60 * 1000
_TRANSPORTS = {transport.value for transport in AuthenticatorTransport}


@dataclass(frozen=True)
class Answer:
    """What the browser sent, read but not yet verified."""

    raw: dict[str, Any]
    credential_id: str
    challenge: str  # base64url
    origin: str
    authenticator_data: bytes | None  # None for a registration (it is inside the attestation object)


@dataclass(frozen=True)
class NewCredential:
    credential_id: str
    public_key: bytes
    sign_count: int
    aaguid: str
    backed_up: bool
    transports: list[str]


def registration_options(
    *, challenge: bytes, user_handle: bytes, user_name: str, display_name: str, exclude: list[str]
) -> dict:
    options = generate_registration_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        rp_name=settings.WEBAUTHN_RP_NAME,
        challenge=challenge,
        user_id=user_handle,
        user_name=user_name,
        user_display_name=display_name,
        timeout=TIMEOUT_MS,
        attestation=AttestationConveyancePreference.NONE,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(cid)) for cid in exclude],
    )
    return json.loads(options_to_json(options))


def authentication_options(*, challenge: bytes) -> dict:
    # No allowCredentials: the authenticator offers its discoverable credentials for our rp id.
    options = generate_authentication_options(
        rp_id=settings.WEBAUTHN_RP_ID,
        challenge=challenge,
        timeout=TIMEOUT_MS,
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return json.loads(options_to_json(options))


def _field(response: dict, name: str) -> bytes:
    value = response.get(name)
    if not isinstance(value, str):
        raise PasskeyResponseInvalid()
    try:
        return base64url_to_bytes(value)
    except (ValueError, TypeError) as error:
        raise PasskeyResponseInvalid() from error


def read_answer(*, raw: Any, registration: bool) -> Answer:
    """Read the browser's answer far enough to find its challenge and credential (nothing checked yet);
    PasskeyResponseInvalid when it is not even shaped like one."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("response"), dict):
        raise PasskeyResponseInvalid()
    response = raw["response"]
    try:
        client_data = parse_client_data_json(_field(response, "clientDataJSON"))
    except PasskeyResponseInvalid:
        raise
    except Exception as error:  # py_webauthn raises several types for malformed JSON
        raise PasskeyResponseInvalid() from error
    expected_type = ClientDataType.WEBAUTHN_CREATE if registration else ClientDataType.WEBAUTHN_GET
    if client_data.type != expected_type:
        raise PasskeyResponseInvalid()
    authenticator_data = None if registration else _field(response, "authenticatorData")
    return Answer(
        raw=raw,
        credential_id=raw["id"],
        challenge=bytes_to_base64url(client_data.challenge),
        origin=client_data.origin,
        authenticator_data=authenticator_data,
    )


def _check_origin(answer: Answer) -> None:
    if answer.origin not in settings.WEBAUTHN_ORIGINS:
        raise PasskeyOriginMismatch()


def _parsed_authenticator_data(authenticator_data: bytes) -> AuthenticatorData:
    try:
        return parse_authenticator_data(authenticator_data)
    except Exception as error:
        raise PasskeyResponseInvalid() from error


def _check_flags(parsed: AuthenticatorData) -> None:
    if parsed.rp_id_hash != hashlib.sha256(settings.WEBAUTHN_RP_ID.encode()).digest():
        raise PasskeyRpIdMismatch()
    if not parsed.flags.uv:
        raise PasskeyUserNotVerified()


def _attested_authenticator_data(answer: Answer) -> AuthenticatorData:
    try:
        return parse_attestation_object(_field(answer.raw["response"], "attestationObject")).auth_data
    except PasskeyResponseInvalid:
        raise
    except Exception as error:
        raise PasskeyResponseInvalid() from error


def verify_registration(*, answer: Answer, expected_challenge: str) -> NewCredential:
    _check_origin(answer)
    _check_flags(_attested_authenticator_data(answer))
    try:
        verified = verify_registration_response(
            credential=answer.raw,
            expected_challenge=base64url_to_bytes(expected_challenge),
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=list(settings.WEBAUTHN_ORIGINS),
            require_user_verification=True,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise PasskeyResponseInvalid() from error
    if bytes_to_base64url(verified.credential_id) != answer.credential_id:
        raise PasskeyResponseInvalid()  # the answer names another credential than the one attested
    transports = answer.raw["response"].get("transports") or []
    return NewCredential(
        credential_id=bytes_to_base64url(verified.credential_id),
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        aaguid=verified.aaguid,
        backed_up=bool(verified.credential_backed_up),
        transports=[t for t in transports if isinstance(t, str) and t in _TRANSPORTS],
    )


def verify_authentication(*, answer: Answer, expected_challenge: str, public_key: bytes) -> int:
    """Check the assertion's signature and flags; the authenticator's new sign count."""
    assert answer.authenticator_data is not None  # noqa: S101 - read_answer(registration=False) sets it
    _check_origin(answer)
    _check_flags(_parsed_authenticator_data(answer.authenticator_data))
    try:
        verified = verify_authentication_response(
            credential=answer.raw,
            expected_challenge=base64url_to_bytes(expected_challenge),
            expected_rp_id=settings.WEBAUTHN_RP_ID,
            expected_origin=list(settings.WEBAUTHN_ORIGINS),
            credential_public_key=public_key,
            # The counter is compared by the caller once the signature is known to be good.
            credential_current_sign_count=0,
            require_user_verification=True,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
        raise PasskeyResponseInvalid() from error
    return verified.new_sign_count
