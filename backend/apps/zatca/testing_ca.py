"""A local test certificate authority: a self-signed secp256k1 CA that signs a unit's CSR, for the fake
provider and the tests. Never ZATCA's test key; never used by the `fatoora` provider."""

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAME = x509.Name(
    [
        x509.NameAttribute(NameOID.DOMAIN_COMPONENT, "local"),
        x509.NameAttribute(NameOID.DOMAIN_COMPONENT, "test"),
        x509.NameAttribute(NameOID.COMMON_NAME, "SALON-TEST-EINVOICING-CA"),
    ]
)
# A fixed seed: the test CA is the same on every machine and every run (it has no secret to keep).
_CA_SEED = int.from_bytes(hashlib.sha256(b"salon zatca test ca").digest(), "big") % (2**255)
_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


@cache
def ca_key() -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(_CA_SEED, ec.SECP256K1())


@cache
def ca_certificate() -> x509.Certificate:
    key = ca_key()
    return (
        x509.CertificateBuilder()
        .subject_name(CA_NAME)
        .issuer_name(CA_NAME)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(_EPOCH)
        .not_valid_after(_EPOCH + timedelta(days=3650 * 3))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )


def sign_csr(
    csr: x509.CertificateSigningRequest, *, serial: int, not_before: datetime, days: int = 365
) -> x509.Certificate:
    """A code-signing certificate for the CSR's subject and key, with its alternative name copied."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(csr.subject)
        .issuer_name(CA_NAME)
        .public_key(csr.public_key())
        .serial_number(serial)
        .not_valid_before(not_before)
        .not_valid_after(not_before + timedelta(days=days))
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING, ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False
        )
    )
    try:
        alt_name = csr.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        builder = builder.add_extension(alt_name.value, critical=False)
    except x509.ExtensionNotFound:
        pass
    return builder.sign(ca_key(), hashes.SHA256())


def binary_security_token(certificate: x509.Certificate) -> str:
    """What ZATCA answers: Base64 of the Base64 DER text."""
    text = base64.b64encode(certificate.public_bytes(serialization.Encoding.DER))
    return base64.b64encode(text).decode("ascii")
