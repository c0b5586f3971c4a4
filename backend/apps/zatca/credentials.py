"""A unit's sealed material, opened only where it is used (signing, calling ZATCA)."""

from cryptography import x509

from .crypto import unseal
from .csr import certificate_from_token, load_private_key
from .errors import UnitNotActive
from .models import SIGNING_STATES, EgsUnit
from .providers import Credentials


def production_credentials(unit: EgsUnit) -> Credentials:
    if not unit.production_token_sealed:
        raise UnitNotActive()
    return Credentials(token=unseal(unit.production_token_sealed), secret=unseal(unit.production_secret_sealed))


def signing_material(unit: EgsUnit):
    """The unit's private key and production certificate; `UnitNotActive` unless it may sign."""
    if unit.state not in SIGNING_STATES:
        raise UnitNotActive()
    certificate: x509.Certificate = certificate_from_token(unseal(unit.production_token_sealed))
    return load_private_key(unseal(unit.private_key_sealed)), certificate
